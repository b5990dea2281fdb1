// Embedded languages: a host language (Kubernetes YAML) reports regions of its document that
// are another language (the Corefile in a ConfigMap's data), and this module lints each
// region with that language's own service, then maps every finding, fix, hover, completion,
// code lens, inlay hint, symbol and formatting edit back onto the host document. The
// composed service is a LanguageService like any other, so the LSP server and the CLI need
// no code of their own for it, and no language calls another language's rules.

import type { Finding, Fix, Position, Range, TextEdit } from './finding';
import type { OffsetMap } from './embeddedMap';
import type { AnalysisContext, CodeLensEntry, CompletionEntry, FileReference, HoverResult, InlayHintEntry, LanguageService, OutlineSymbol, TextChange } from './languageService';
import type { RuleMeta } from './rules';
import type { LanguageId } from './rules';
import { disableForFileEdit, disableForLineEdit } from './codeActions';
import { applySuppressions } from './suppression';
import { LineIndex } from './text';

export interface EmbeddedRegion {
  languageId: LanguageId;
  /** The text the region's language reads (the scalar's decoded value). */
  text: string;
  map: OffsetMap;
  /**
   * How a replacement text is written in the host at this region (re-indented, escaped), or
   * undefined when the host cannot hold it there: that fix is dropped rather than breaking
   * the host document.
   */
  encode(newText: string): string | undefined;
  /** Block scalars: the column content lines start at, so an insertion on an empty line is indented. */
  contentIndent?: number;
  /** Where the program that reads the region finds it (/etc/coredns/Corefile): imports and `file` lines name it. */
  path?: string;
  /** Zone regions: the origin when no $ORIGIN and no reference names one. */
  origin?: string;
  /** Other files the program would see, by absolute path (the sibling keys of the same volume). */
  files?: ReadonlyMap<string, string>;
  /** The names in a directory the program would see (an import glob), or undefined when they are not known. */
  listDir?: (absoluteDir: string) => string[] | undefined;
  /**
   * The region as the program reads it from `path` when that differs from `text` (placeholders
   * read as sample values, directives read inside a server block): another region that
   * imports this file reports positions in this text.
   */
  file?: { text: string; map: OffsetMap };
}

export type { FileReference };

export interface ParsedRegion {
  region: EmbeddedRegion;
  service: LanguageService;
  parsed: unknown;
  ctx: AnalysisContext;
  index: LineIndex;
  /** Files the region names, with paths made absolute against the region's directory. */
  references: FileReference[];
}

export interface EmbeddedParse<P> {
  host: P;
  text: string;
  index: LineIndex;
  regions: ParsedRegion[];
}

export interface EmbeddingHost<P> {
  /** The regions of a parsed host document; `ctx` lets them see the workspace (which volume mounts a key). */
  regions(parsed: P, text: string, ctx: AnalysisContext): EmbeddedRegion[];
  /** Findings the host draws from its parsed regions (a `file` line naming a key nothing mounts). */
  checkRegions?(parsed: P, regions: ParsedRegion[], ctx: AnalysisContext): Finding[];
  /** The rules of checkRegions and of the embedding itself (a folded scalar). */
  rules?: RuleMeta[];
  /** The host parse's own line index of the same text, if it has one (saves indexing it again per keystroke). */
  lineIndex?(parsed: P): LineIndex | undefined;
}


export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i > 0 ? path.slice(0, i) : '/';
}

function absolute(path: string, dir: string): string {
  return path.startsWith('/') ? path : `${dir}/${path.replace(/^\.\//, '')}`;
}

const fileUri = (path: string) => `file://${path.split('/').map(encodeURIComponent).join('/')}`;

/** Position mapping between one region and its host. */
export class RegionMapper {
  constructor(
    readonly region: EmbeddedRegion,
    readonly regionIndex: LineIndex,
    readonly hostIndex: LineIndex,
  ) {}

  /** Host offsets where the region's text starts and ends. */
  get hostSpan(): [number, number] {
    const ps = this.region.map.pieces;
    return [ps.length ? ps[0].hostStart : this.region.map.hostEnd, this.region.map.hostEnd];
  }

  toHostPosition(p: Position): Position {
    return this.hostIndex.positionAt(this.region.map.toHost(this.regionIndex.offsetAt(p)));
  }

  toHostRange(r: Range): Range {
    return { start: this.toHostPosition(r.start), end: this.toHostPosition(r.end) };
  }

  /** The region position of a host position, or undefined when it is not inside the region. */
  fromHostPosition(p: Position): Position | undefined {
    const offset = this.hostIndex.offsetAt(p);
    const [start, end] = this.hostSpan;
    if (offset < start || offset > end) return undefined;
    const o = this.region.map.fromHost(offset);
    return o === undefined ? undefined : this.regionIndex.positionAt(o);
  }

  /** An edit of the region as an edit of the host, or undefined when the host cannot hold it. */
  toHostEdit(e: TextEdit): TextEdit | undefined {
    const map = this.region.map;
    const startOffset = this.regionIndex.offsetAt(e.range.start);
    const endOffset = this.regionIndex.offsetAt(e.range.end);
    if (!map.isBoundary(startOffset) || !map.isBoundary(endOffset)) return undefined;
    let newText = this.region.encode(e.newText);
    if (newText === undefined) return undefined;
    const hostStart = map.toHost(startOffset);
    const start = this.hostIndex.positionAt(hostStart);
    const indent = this.region.contentIndent;
    // An insertion on an empty line of a block scalar needs the block's indentation first.
    if (indent !== undefined && newText !== '' && e.range.start.character === 0 && start.character < indent) {
      newText = ' '.repeat(indent - start.character) + newText;
    }
    return { range: { start, end: this.hostIndex.positionAt(map.toHost(endOffset)) }, newText };
  }

  toHostFix(f: Fix): Fix | undefined {
    const edits: TextEdit[] = [];
    for (const e of f.edits) {
      const mapped = this.toHostEdit(e);
      if (!mapped) return undefined;
      edits.push(mapped);
    }
    return { ...f, edits };
  }
}

function mapperOf(r: ParsedRegion, hostIndex: LineIndex): RegionMapper {
  return new RegionMapper(r.region, r.index, hostIndex);
}

/** Positions another region's import reports in this region's file (its text as read from its path). */
function fileMapperOf(r: ParsedRegion, hostIndex: LineIndex): RegionMapper {
  const file = r.region.file;
  return file ? new RegionMapper({ ...r.region, text: file.text, map: file.map }, new LineIndex(file.text), hostIndex) : mapperOf(r, hostIndex);
}

/** A region's finding on the host, or undefined when it belongs to a file the host does not hold. */
function mapFinding(f: Finding, own: ParsedRegion, all: ParsedRegion[], hostIndex: LineIndex): Finding | undefined {
  let m = mapperOf(own, hostIndex);
  if (f.uri && f.uri !== own.ctx.uri) {
    const other = all.find((r) => r.ctx.uri === f.uri);
    if (!other) return undefined;
    m = fileMapperOf(other, hostIndex);
  }
  const related = f.related?.flatMap((rel) => {
    if (!rel.uri || rel.uri === own.ctx.uri) return [{ ...rel, uri: undefined, range: mapperOf(own, hostIndex).toHostRange(rel.range) }];
    const relTarget = all.find((r) => r.ctx.uri === rel.uri);
    return relTarget ? [{ ...rel, uri: undefined, range: fileMapperOf(relTarget, hostIndex).toHostRange(rel.range) }] : [];
  });
  const fixes = f.fixes?.flatMap((fix) => {
    const mapped = m.toHostFix(fix);
    return mapped ? [mapped] : [];
  });
  const { uri: _uri, ...rest } = f;
  // The disable comments go into the region, in its language; only for its own findings (an
  // imported file's finding is disabled in that file's key).
  const prefix = own.service.commentPrefixes[0];
  const suppress = m.region === own.region && prefix !== undefined ? { line: m.toHostEdit(disableForLineEdit(own.region.text, f, prefix)), file: m.toHostEdit(disableForFileEdit(own.region.text, f.ruleId, prefix)) } : { line: undefined, file: undefined };
  return { ...rest, range: m.toHostRange(f.range), ...(related ? { related } : {}), ...(fixes ? { fixes } : {}), suppress };
}

export interface EmbeddingOptions {
  /** The service of a language id (the languages table; core does not import languages). */
  languageOf(id: LanguageId): LanguageService | undefined;
}

/** The host's service, extended with its embedded regions. */
export function withEmbeddedLanguages<P>(host: LanguageService<P>, embedding: EmbeddingHost<P>, options: EmbeddingOptions): LanguageService<EmbeddedParse<P>> {
  const regionCtx = (region: EmbeddedRegion, ctx: AnalysisContext, origin: string | undefined): AnalysisContext => {
    const files = region.files;
    return {
      uri: region.path ? fileUri(region.path) : `${ctx.uri}#embedded`,
      settings: origin !== undefined ? { ...ctx.settings, zone: { ...ctx.settings.zone, origin } } : ctx.settings,
      // The program inside the pod reads its volume, not the editor's disk.
      readFile: files ? (p) => files.get(p) : undefined,
      listDir: region.listDir,
      // The sibling files are the documents in view (a resolv.conf beside the Corefile).
      workspaceDocuments: files ? () => [...files].map(([p, text]) => ({ uri: fileUri(p), text })) : undefined,
      isCancelled: ctx.isCancelled,
    };
  };

  const parseRegions = (hostParsed: P, text: string, ctx: AnalysisContext, previous?: EmbeddedParse<P>): ParsedRegion[] => {
    const regions = embedding.regions(hostParsed, text, ctx);
    const parsedRegions: Array<ParsedRegion | undefined> = new Array(regions.length);
    const reuse = (region: EmbeddedRegion, rctx: AnalysisContext, service: LanguageService): unknown => {
      const old = previous?.regions.find((r) => r.region.text === region.text && r.region.languageId === region.languageId && r.ctx.uri === rctx.uri && r.ctx.settings.zone.origin === rctx.settings.zone.origin && r.region.files === undefined && region.files === undefined);
      return old ? old.parsed : service.parse(region.text, rctx);
    };
    const parseOne = (i: number, origin: string | undefined) => {
      const region = regions[i];
      const service = options.languageOf(region.languageId);
      if (!service) return;
      const rctx = regionCtx(region, ctx, origin);
      const parsed = reuse(region, rctx, service);
      const dir = region.path ? dirOf(region.path) : '/';
      const refs = (service.references?.(parsed, rctx) ?? []).map((r) => ({ ...r, path: absolute(r.path, dir) }));
      parsedRegions[i] = { region, service, parsed, ctx: rctx, index: new LineIndex(region.text), references: refs };
    };
    // Zone regions last: their origin may come from a Corefile's `file` line that names them.
    regions.forEach((r, i) => r.languageId !== 'zone' && parseOne(i, undefined));
    const refs = parsedRegions.flatMap((r) => r?.references ?? []);
    regions.forEach((r, i) => {
      if (r.languageId !== 'zone') return;
      const named = r.path ? refs.find((ref) => ref.kind === 'zone' && ref.path === r.path && ref.zones?.length) : undefined;
      parseOne(i, named?.zones?.[0] ?? r.origin ?? '');
    });
    return parsedRegions.filter((r): r is ParsedRegion => r !== undefined);
  };

  const build = (hostParsed: P, text: string, ctx: AnalysisContext, previous?: EmbeddedParse<P>): EmbeddedParse<P> => {
    const own = embedding.lineIndex?.(hostParsed);
    const index = own && own.text === text ? own : new LineIndex(text);
    return { host: hostParsed, text, index, regions: parseRegions(hostParsed, text, ctx, previous) };
  };

  /** The region (and the position inside it) a host position falls in. */
  const at = (p: EmbeddedParse<P>, position: Position): { r: ParsedRegion; m: RegionMapper; pos: Position } | undefined => {
    for (const r of p.regions) {
      const m = mapperOf(r, p.index);
      const pos = m.fromHostPosition(position);
      if (pos) return { r, m, pos };
    }
    return undefined;
  };

  const service: LanguageService<EmbeddedParse<P>> = {
    id: host.id,
    commentPrefixes: host.commentPrefixes,
    rules: [...host.rules, ...(embedding.rules ?? [])],
    parse: (text, ctx) => build(host.parse(text, ctx), text, ctx),
    async lint(p, ctx) {
      const findings = [...(await host.lint(p.host, ctx))];
      for (const r of p.regions) {
        if (ctx.isCancelled?.()) break;
        const own = applySuppressions(await r.service.lint(r.parsed, r.ctx), r.index, r.service.commentPrefixes);
        for (const f of own) {
          const mapped = mapFinding(f, r, p.regions, p.index);
          if (mapped) findings.push(mapped);
        }
      }
      if (embedding.checkRegions) findings.push(...embedding.checkRegions(p.host, p.regions, ctx));
      // A sibling key imported by the Corefile is reached twice (as its own region and through
      // the import): the same finding at the same place is shown once.
      // The region's own finding carries its fixes (an imported token's does not): keep the one with more.
      const byKey = new Map<string, Finding>();
      for (const f of findings) {
        const k = `${f.ruleId}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`;
        const kept = byKey.get(k);
        if (!kept || (f.fixes?.length ?? 0) > (kept.fixes?.length ?? 0)) byKey.set(k, f);
      }
      return [...byKey.values()];
    },
    hover(p, position, ctx): HoverResult | undefined {
      const hit = at(p, position);
      if (!hit) return host.hover?.(p.host, position, ctx);
      const h = hit.r.service.hover?.(hit.r.parsed, hit.pos, hit.r.ctx);
      return h ? { contents: h.contents, range: h.range ? hit.m.toHostRange(h.range) : undefined } : undefined;
    },
    complete(p, position, ctx): CompletionEntry[] {
      const hit = at(p, position);
      if (!hit) return host.complete?.(p.host, position, ctx) ?? [];
      return (hit.r.service.complete?.(hit.r.parsed, hit.pos, hit.r.ctx) ?? []).map((c) => (c.range ? { ...c, range: hit.m.toHostRange(c.range) } : c));
    },
    symbols(p, ctx): OutlineSymbol[] {
      const out = host.symbols?.(p.host, ctx) ?? [];
      for (const r of p.regions) {
        const m = mapperOf(r, p.index);
        const mapSymbol = (s: OutlineSymbol): OutlineSymbol => ({ ...s, range: m.toHostRange(s.range), selectionRange: m.toHostRange(s.selectionRange), children: s.children?.map(mapSymbol) });
        const symbols = (r.service.symbols?.(r.parsed, r.ctx) ?? []).map(mapSymbol);
        if (!symbols.length) continue;
        const startLine = p.index.positionAt(m.hostSpan[0]).line;
        const parent = out.find((s) => s.range.start.line <= startLine && startLine <= s.range.end.line);
        if (parent) parent.children = [...(parent.children ?? []), ...symbols];
        else out.push(...symbols);
      }
      return out;
    },
    codeLenses(p, ctx): CodeLensEntry[] {
      const out = host.codeLenses?.(p.host, ctx) ?? [];
      for (const r of p.regions) {
        const m = mapperOf(r, p.index);
        for (const l of r.service.codeLenses?.(r.parsed, r.ctx) ?? []) {
          // A lens whose command reads the region's own document by URI cannot run: there is no such document.
          if (l.arguments && JSON.stringify(l.arguments).includes(r.ctx.uri)) continue;
          out.push({ ...l, range: m.toHostRange(l.range) });
        }
      }
      return out;
    },
    inlayHints(p, range, ctx): InlayHintEntry[] {
      const out = host.inlayHints?.(p.host, range, ctx) ?? [];
      const from = p.index.offsetAt(range.start);
      const to = p.index.offsetAt(range.end);
      for (const r of p.regions) {
        const m = mapperOf(r, p.index);
        const [start, end] = m.hostSpan;
        if (end < from || start > to || !r.service.inlayHints) continue;
        const whole = { start: { line: 0, character: 0 }, end: r.index.positionAt(r.region.text.length) };
        for (const h of r.service.inlayHints(r.parsed, whole, r.ctx)) {
          const position = m.toHostPosition(h.position);
          const o = p.index.offsetAt(position);
          if (o >= from && o <= to) out.push({ ...h, position });
        }
      }
      return out;
    },
    format(text, ctx): TextEdit[] {
      const out = host.format?.(text, ctx) ?? [];
      const p = service.parse(text, ctx);
      for (const r of p.regions) {
        if (!r.service.format) continue;
        const m = mapperOf(r, p.index);
        const edits = r.service.format(r.region.text, r.ctx).map((e) => m.toHostEdit(e));
        // All of a region's edits or none: half a formatting is worse than none.
        if (edits.every((e) => e !== undefined)) out.push(...(edits as TextEdit[]));
      }
      return out;
    },
  };
  if (host.reparse) {
    const reparse = host.reparse.bind(host);
    service.reparse = (previous: EmbeddedParse<P>, text: string, changes: TextChange[], ctx: AnalysisContext) => build(reparse(previous.host, text, changes, ctx), text, ctx, previous);
  }
  return service;
}
