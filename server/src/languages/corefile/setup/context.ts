// What a plugin check sees and how it reports: the directive occurrences of one plugin in
// one server block (CoreDNS's setup() sees them all at once), the block's zones, and
// helpers that turn CoreDNS's setup rejections into findings on the exact token.

import type { Fix, Range } from '../../../core/finding';
import { closestMatch } from '../../../core/suggest';
import type { Token } from '../lexer';
import type { Directive, Property, ServerBlock } from '../parser';
import { hasEnvPlaceholder } from '../parser';
import type { PluginSpec, PropertySpec } from '../plugins';
import { wasRemoved } from '../deprecations';
import { formatMs, isIP, parseGoDuration, parseGoFloat, parseGoInt, parseGoUint } from '../values';

/** Which rule a setup finding belongs to. */
export type SetupKind = 'argument-count' | 'invalid-value' | 'unknown-property' | 'conflicting-options' | 'once-per-block' | 'ignored-repeat' | 'missing-plugin';

export interface SetupFinding {
  kind: SetupKind;
  token: Token;
  range?: Range;
  message: string;
  severity?: 'error' | 'warning' | 'information';
  fixes?: Fix[];
}

export interface BlockFacts {
  block: ServerBlock;
  /** Normalised zones of the block's keys ("example.org."). */
  zones: string[];
  /** Directive names present in the block. */
  plugins: Set<string>;
}

export class PluginSetup {
  constructor(
    readonly spec: PluginSpec,
    readonly facts: BlockFacts,
    private readonly out: SetupFinding[],
  ) {}

  get name(): string {
    return this.spec.name;
  }

  report(kind: SetupKind, token: Token, message: string, extra: Partial<SetupFinding> = {}): void {
    this.out.push({ kind, token, message: `${this.name}: ${message}`, ...extra });
  }

  /** CoreDNS's ArgErr, on the token after which an argument was missing or extra. */
  argErr(token: Token, expected?: string): void {
    const what = token.text === '{' ? "Unexpected token '{', expecting argument" : `Wrong argument count or unexpected line ending after '${token.text}'`;
    this.report('argument-count', token, expected ? `${what} (expected: ${expected})` : what);
  }

  /** `replacement`: the one correct text when it is known (a "did you mean"), offered as the preferred fix. */
  invalid(token: Token, message: string, replacement?: string): void {
    const range = { start: { line: token.line, character: token.start }, end: { line: token.endLine, character: token.end } };
    this.report('invalid-value', token, message, replacement === undefined ? {} : { fixes: [{ title: `Change to '${replacement}'`, edits: [{ range, newText: replacement }], preferred: true }] });
  }

  conflict(token: Token, message: string): void {
    this.report('conflicting-options', token, message);
  }

  unknownProperty(prop: Property, known = Object.keys(this.spec.properties), message?: string): void {
    if (wasRemoved(this.name, prop.name.text)) return; // corefile/deprecated says when and what replaced it
    const suggestion = closestMatch(prop.name.text, known);
    const range = { start: { line: prop.name.line, character: prop.name.start }, end: { line: prop.name.endLine, character: prop.name.end } };
    this.report('unknown-property', prop.name, message ?? `unknown property '${prop.name.text}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; known: ${known.join(', ')}`, {
      fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }], preferred: true }] : undefined,
    });
  }

  /** The directive line's argument count against min/max. */
  checkArgCount(d: Directive, min: number, max: number | null, expected = this.syntaxLine()): boolean {
    if (d.args.length < min) {
      this.argErr(d.args[d.args.length - 1] ?? d.name, expected);
      return false;
    }
    if (max !== null && d.args.length > max) {
      // CoreDNS stops on the first argument too many.
      this.argErr(d.args[max], expected);
      return false;
    }
    return true;
  }

  /** A block on a plugin that reads no block: CoreDNS sees "{" as an extra argument. */
  noBlock(d: Directive): boolean {
    if (!d.block) return true;
    this.report('argument-count', d.block.open, `${this.name} takes no block: Unexpected token '{', expecting argument`);
    return false;
  }

  propCount(p: Property, min: number, max: number | null, expected?: string): boolean {
    if (p.args.length < min) {
      this.argErr(p.args[p.args.length - 1] ?? p.name, expected ?? this.propertySyntax(p.name.text));
      return false;
    }
    if (max !== null && p.args.length > max) {
      this.argErr(p.args[max], expected ?? this.propertySyntax(p.name.text));
      return false;
    }
    return true;
  }

  /** The README's first syntax line ("forward FROM TO..."), else one built from the table. */
  syntaxLine(): string {
    const readme = this.spec.syntax?.split('\n').find((l) => l.trim().startsWith(this.name));
    return readme ? readme.trim().replace(/\s*\{$/, '') : [this.name, ...(this.spec.args.shape ?? [])].join(' ');
  }

  propertySyntax(name: string): string | undefined {
    const p = this.spec.properties[name];
    if (!p) return undefined;
    if (typeof p.args === 'number') return `${name}${p.args ? ` ${p.enum ? p.enum.join('|') : (p.shape ?? 'ARG')}` : ' (no arguments)'}`;
    return `${name} ${p.args ?? ''}`.trim();
  }

  // ---- value checks (each returns the parsed value, or undefined after reporting) ----

  duration(t: Token, opts: { min?: number; minExclusive?: boolean; max?: number; what?: string; allowBareInt?: boolean } = {}): number | undefined {
    if (hasEnvPlaceholder(t)) return undefined;
    let ms = parseGoDuration(t.text);
    if (ms === undefined && opts.allowBareInt) {
      const n = parseGoInt(t.text);
      if (n !== undefined) ms = n * 1000;
    }
    const what = opts.what ?? 'duration';
    if (ms === undefined) {
      const bare = parseGoInt(t.text) !== undefined;
      this.invalid(t, `${what} '${t.text}' is not a valid duration${bare ? ` (a unit is required: '${t.text}s')` : ' (Go syntax: 300ms, 5s, 1m30s, 2h)'}`, bare ? `${t.text}s` : undefined);
      return undefined;
    }
    if (opts.min !== undefined && (opts.minExclusive ? ms <= opts.min : ms < opts.min)) {
      this.invalid(t, `${what} '${t.text}' must be ${opts.minExclusive ? 'greater than' : 'at least'} ${formatMs(opts.min)}`);
      return undefined;
    }
    if (opts.max !== undefined && ms > opts.max) {
      this.invalid(t, `${what} '${t.text}' must be at most ${formatMs(opts.max)}`);
      return undefined;
    }
    return ms;
  }

  int(t: Token, opts: { min?: number; max?: number; what?: string; unsigned?: boolean; bits?: number } = {}): number | undefined {
    if (hasEnvPlaceholder(t)) return undefined;
    const n = opts.unsigned ? parseGoUint(t.text, opts.bits ?? 64) : parseGoInt(t.text);
    const what = opts.what ?? 'value';
    if (n === undefined) {
      this.invalid(t, `${what} '${t.text}' is not ${opts.unsigned ? 'an unsigned' : 'an'} integer`);
      return undefined;
    }
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
      const range = opts.max === undefined ? `at least ${opts.min}` : opts.min === undefined ? `at most ${opts.max}` : `between ${opts.min} and ${opts.max}`;
      this.invalid(t, `${what} ${t.text} must be ${range}`);
      return undefined;
    }
    return n;
  }

  float(t: Token, opts: { min?: number; max?: number; what?: string } = {}): number | undefined {
    if (hasEnvPlaceholder(t)) return undefined;
    const n = parseGoFloat(t.text);
    const what = opts.what ?? 'value';
    if (n === undefined) {
      this.invalid(t, `${what} '${t.text}' is not a number`);
      return undefined;
    }
    if ((opts.min !== undefined && !(n >= opts.min)) || (opts.max !== undefined && !(n <= opts.max))) {
      this.invalid(t, `${what} ${t.text} must be between ${opts.min ?? '-inf'} and ${opts.max ?? 'inf'}`);
      return undefined;
    }
    return n;
  }

  oneOf(t: Token, values: readonly string[], opts: { caseInsensitive?: boolean; what?: string } = {}): string | undefined {
    if (hasEnvPlaceholder(t)) return undefined;
    const v = opts.caseInsensitive ? t.text.toLowerCase() : t.text;
    const match = values.find((x) => (opts.caseInsensitive ? x.toLowerCase() : x) === v);
    if (match === undefined) {
      const suggestion = closestMatch(t.text, values);
      this.invalid(t, `${opts.what ?? 'value'} '${t.text}' is not one of ${values.join(', ')}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`, suggestion);
      return undefined;
    }
    return match;
  }

  ip(t: Token, what = 'address'): boolean {
    if (hasEnvPlaceholder(t) || isIP(t.text)) return true;
    this.invalid(t, `${what} '${t.text}' is not an IP address`);
    return false;
  }

  /** Generic check of one property from its table entry (count, enum, simple shapes). */
  checkPropertyFromTable(p: Property, spec: PropertySpec | undefined = this.spec.properties[p.name.text]): void {
    if (!spec) return;
    if (typeof spec.args === 'number') {
      if (!this.propCount(p, spec.args, spec.args)) return;
    }
    if (spec.enum && p.args[0] && (typeof spec.args === 'number' || spec.args === undefined)) this.oneOf(p.args[0], spec.enum, { caseInsensitive: spec.caseInsensitive === true, what: p.name.text });
    if (spec.shape && p.args[0] && typeof spec.args === 'number' && spec.args === 1) this.shape(p.args[0], spec.shape, p.name.text);
  }

  /** Applies a table shape such as "duration>0", "int 1..65535", "uint32", "ip". */
  shape(t: Token, shape: string, what: string): void {
    const range = /(-?\d+)\.\.(\d+)/.exec(shape);
    if (shape.startsWith('duration')) {
      const gt = />(=?)\s*(\w+)/.exec(shape);
      const r = /duration\s+(\w+)\.\.(\w+)/.exec(shape);
      if (r) this.duration(t, { what, min: parseGoDuration(r[1]) ?? 0, max: parseGoDuration(r[2]) });
      else if (gt) this.duration(t, { what, min: parseGoDuration(gt[2]) ?? 0, minExclusive: gt[1] === '' });
      else this.duration(t, { what });
    } else if (shape.startsWith('uint32')) this.int(t, { what, unsigned: true, bits: 32 });
    else if (shape.startsWith('uint')) this.int(t, { what, unsigned: true });
    else if (shape.startsWith('int')) {
      const ge = />(=?)\s*(-?\d+)/.exec(shape);
      if (range) this.int(t, { what, min: Number(range[1]), max: Number(range[2]) });
      else if (ge) this.int(t, { what, min: Number(ge[2]) + (ge[1] === '' ? 1 : 0) });
      else this.int(t, { what });
    } else if (shape.startsWith('float')) {
      const ge = />=\s*(-?\d+)/.exec(shape);
      this.float(t, { what, min: ge ? Number(ge[1]) : undefined });
    } else if (shape === 'ip') this.ip(t, what);
  }
}
