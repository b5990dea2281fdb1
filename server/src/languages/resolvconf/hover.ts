// Hover: on every line, what the resolver (glibc or musl, per infraLens.resolvconf.libc)
// actually takes from it, next to what the line says.

import type { Position, Range } from '../../core/finding';
import type { HoverResult } from '../../core/languageService';
import { configFor, type Note, type ResolverConfig, type Source } from '../../resolver/config';
import { FLAG_OPTIONS, KEYWORDS, type Libc, MAXNS, VALUE_OPTIONS } from '../../resolver/options';
import type { ResolvConfAst, ResolvLine, Word } from '../../resolver/parser';

export function lineAt(ast: ResolvConfAst, editorLine: number): ResolvLine | undefined {
  let lo = 0;
  let hi = ast.lines.length - 1;
  let found: ResolvLine | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ast.lines[mid].line <= editorLine) {
      found = ast.lines[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && found.line === editorLine ? found : undefined;
}

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

function where(s: Source): string {
  if (s.kind === 'file') return `line ${s.line + 1}`;
  if (s.kind === 'default') return 'default';
  return s.kind;
}

export function hoverResolvConf(ast: ResolvConfAst, position: Position, libc: Libc): HoverResult | undefined {
  const l = lineAt(ast, position.line);
  if (!l || l.kind === 'blank' || l.kind === 'comment') return undefined;
  const config = configFor(ast, libc);
  const words = [l.keyword, ...l.values];
  const word = words.find((w) => contains(w.range, position));
  const notes = config.notes.filter((n) => n.line === l.line && (!word || overlaps(n.range, word.range)));
  const parts: string[] = [];
  const keyword = KEYWORDS.find((k) => k.name === l.keyword.text);
  if (config.hangsAt) parts.push(`**${libc} never finishes reading this file**: the sortlist on line ${config.hangsAt.line + 1} makes res_init loop forever.`);
  if (keyword && l.kind === 'keyword' && l.keyword.offset === l.offset) {
    if (!word || word === l.keyword) parts.push(`**${keyword.syntax}** — ${keyword.summary}`);
    const effective = effectiveFor(keyword.name, l, word && word !== l.keyword ? word : undefined, config);
    if (effective) parts.push(effective);
  }
  for (const n of notes) parts.push(`⚠ ${noteText(n)}`);
  if (parts.length === 0 && l.kind !== 'keyword') parts.push(`${libc} ignores this line.`);
  if (parts.length === 0) return undefined;
  return { contents: parts.join('\n\n'), range: word?.range };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function noteText(n: Note): string {
  return n.detail.charAt(0).toUpperCase() + n.detail.slice(1) + '.';
}

function effectiveFor(keyword: string, l: ResolvLine, word: Word | undefined, config: ResolverConfig): string | undefined {
  const libc = config.libc;
  switch (keyword) {
    case 'nameserver': {
      const index = config.nameservers.findIndex((n) => n.line === l.line);
      const list = config.nameservers.map((n, i) => `${i + 1}. \`${n.address}\` (${n.line >= 0 ? `line ${n.line + 1}` : 'fallback'})`).join('  \n');
      const self = config.nameservers[index];
      const head =
        index >= 0
          ? `**Effective (${libc}):** server ${index + 1} of ${config.nameservers.length}${self.address !== self.source.written ? ` — \`${self.source.written}\` means \`${self.address}\`` : ''}.`
          : `**Effective (${libc}):** this line adds no server (at most ${MAXNS} valid ones are used).`;
      return `${head}\n\nServers in order:  \n${list}`;
    }
    case 'search':
    case 'domain': {
      const wins = config.searchSource.kind === 'file' && config.searchSource.line === l.line;
      const list = config.search.length ? config.search.map((d) => `\`${d.replace(/\r/g, '\\r')}\``).join(' ') : '(none)';
      const from = config.searchSource.kind === 'file' ? `line ${config.searchSource.line + 1}` : config.searchSource.kind;
      const domain = word ? config.searchDomains.find((d) => d.source.line === l.line && d.source.range && d.source.range.start.character === word.range.start.character) : undefined;
      const sample = domain ? `\n\nA short name like \`web\` is tried as \`web.${domain.name.replace(/\.$/, '')}.\` (domain ${config.searchDomains.indexOf(domain) + 1} of ${config.searchDomains.length}).` : '';
      return `**Effective search list (${libc}):** ${list} — from ${from}${wins ? ' (this line)' : '; this line is not used'}.${sample}`;
    }
    case 'options': {
      if (word) return optionHover(word, config);
      return `**Effective options (${libc}):** ${resolvedOptions(config)}`;
    }
    case 'sortlist': {
      if (libc === 'musl') return '**musl ignores sortlist.**';
      const entries = config.sortlist.filter((e) => e.source.line === l.line).map((e) => `\`${e.address}/${e.mask}\``);
      return `**Effective (glibc):** ${entries.length ? entries.join(' ') : 'no entry from this line'}.`;
    }
  }
  return undefined;
}

/** `ndots:5 (line 3) timeout:5 (default) attempts:2 (default) rotate` */
export function resolvedOptions(config: ResolverConfig): string {
  const values = VALUE_OPTIONS.map((o) => `\`${o.name}:${config.settings[o.name].value}\` (${where(config.settings[o.name].source)})`);
  const flags = Object.entries(config.flags).map(([flag, s]) => `\`${flag}\` (${where(s!)})`);
  return [...values, ...flags].join(' ');
}

function optionHover(word: Word, config: ResolverConfig): string {
  const text = word.text.replace(/\r$/, '');
  const value = VALUE_OPTIONS.find((o) => text.startsWith(`${o.name}:`));
  if (value) {
    const setting = config.settings[value.name];
    const used = setting.source.kind === 'file' && setting.source.range?.start.line === word.range.start.line && setting.source.range.start.character === word.range.start.character;
    return [
      `**${value.name}:N** — ${value.summary}`,
      `Default ${value.default}; cap ${value.caps.glibc} in glibc, ${value.caps.musl} in musl.`,
      `**Effective (${config.libc}):** \`${value.name}:${setting.value}\` from ${where(setting.source)}${used ? ' (this word)' : ''}.`,
    ].join('\n\n');
  }
  const flag = FLAG_OPTIONS.find((f) => text.startsWith(f.spelling));
  if (flag) {
    const on = config.flags[flag.flag] !== undefined;
    const state = config.libc === 'musl' ? 'musl ignores it' : flag.deprecated ? 'parsed, no effect' : on ? `on (from ${where(config.flags[flag.flag]!)})` : 'off';
    return `**${flag.flag}**${flag.since ? ` (glibc ${flag.since}+)` : ''} — ${flag.summary}\n\n**Effective (${config.libc}):** ${state}.`;
  }
  return `**Effective (${config.libc}):** \`${text}\` is not an option the resolver knows; it is ignored.`;
}
