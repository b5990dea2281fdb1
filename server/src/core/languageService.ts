// What a language module offers. Each languages/<name>/index.ts exports one of these; the
// LSP server and the CLI only ever talk to this interface. Nothing here knows LSP.

import type { Finding, Position, Range, TextEdit } from './finding';
import type { LanguageId, RuleMeta } from './rules';
import type { Settings } from './settings';

export interface AnalysisContext {
  /** file:// URI (or any URI) of the document. */
  uri: string;
  settings: Settings;
  /**
   * Reads another file (a $INCLUDE, a Corefile import). Absent in restricted mode
   * (untrusted workspace, virtual file system): then includes are not followed.
   * Returns undefined for a missing file; throws IncludeRefused (core/includePolicy.ts) with
   * the reason when the include policy will not read it.
   */
  readFile?: (absolutePath: string) => string | undefined;
  /**
   * The names in a directory (a Corefile's `import dir/*.server` glob), under the same policy
   * as readFile; undefined when the directory's contents are not known (then the glob is not
   * followed). Absent where readFile is.
   */
  listDir?: (absoluteDir: string) => string[] | undefined;
  /** The path with symlinks resolved (include cycle detection); absent: paths are compared as written. */
  realPath?: (absolutePath: string) => string | undefined;
  /**
   * The other documents a cross-document rule may look at (a StatefulSet's headless Service
   * in another manifest): the editor's open documents, the files of a CLI run. Absent: only
   * this document is known.
   */
  workspaceDocuments?: () => Array<{ uri: string; text: string }>;
  /** True once the request that needs this work has been cancelled. */
  isCancelled?: () => boolean;
  /**
   * Offered every few thousand entries of a long parse: the parser's findings so far, final
   * for the text it has read (a thunk: nothing is built unless taken). The editor publishes
   * them once, so the first problems of a huge file show before its parse ends.
   */
  onPartialFindings?: (take: () => Finding[]) => void;
}

/**
 * Thrown by an analysis that saw `isCancelled()` between chunks: what it did so far is
 * discarded (the engine reports the version as cancelled, never as a failure).
 */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range?: Range;
}

export type CompletionKind = 'keyword' | 'property' | 'value' | 'function' | 'module' | 'snippet' | 'enum' | 'constant' | 'text';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText?: string;
  /** insertText uses ${1:placeholder} snippet syntax. */
  isSnippet?: boolean;
  /** Text to replace; defaults to the word at the cursor. */
  range?: Range;
  sortText?: string;
}

export type SymbolKind = 'namespace' | 'module' | 'function' | 'property' | 'field' | 'key' | 'object' | 'string' | 'variable' | 'constant' | 'event';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children?: OutlineSymbol[];
}

export interface CodeLensEntry {
  range: Range;
  title: string;
  /** Server command id (protocol.ts) and its arguments; absent for a plain label. */
  command?: string;
  arguments?: unknown[];
}

export interface InlayHintEntry {
  position: Position;
  label: string;
  tooltip?: string;
}

/**
 * One edit of a document, as LSP's incremental sync sends it: `range` is in the text before
 * this edit; a list of them applies in order.
 */
export interface TextChange {
  range: Range;
  text: string;
}

/** A file a document names (a Corefile's `file db.example.org example.org`, an `import`). */
export interface FileReference {
  /** As written: absolute, or relative to the document's directory. */
  path: string;
  range: Range;
  kind: 'zone' | 'import' | 'other';
  /** Zones the file is loaded for (the `file` plugin's arguments or its server block's zones). */
  zones?: string[];
}

export interface LanguageService<Parsed = unknown> {
  id: LanguageId;
  /** Characters that start a whole-line comment (for suppression comments). */
  commentPrefixes: string[];
  rules: RuleMeta[];
  /** Never throws on user text; syntax problems are returned by lint(). */
  parse(text: string, ctx: AnalysisContext): Parsed;
  /**
   * Incremental parse: `previous` is the parse of the text before `changes`, `text` the text
   * after them. Must return what parse(text) would (a property test compares); a language
   * re-parses only the region the edits touch (zone entries, YAML documents). Absent: the
   * server calls parse().
   */
  reparse?(previous: Parsed, text: string, changes: TextChange[], ctx: AnalysisContext): Parsed;
  lint(parsed: Parsed, ctx: AnalysisContext): Finding[] | Promise<Finding[]>;
  /**
   * The findings the parse itself made (syntax errors), all of which lint() returns too:
   * shown before a slow lint of a huge document finishes. Absent: nothing is shown early.
   */
  parseFindings?(parsed: Parsed): Finding[];
  /**
   * parse + lint in one pass without keeping the parse (the CLI, where nothing else needs
   * it): the same findings as lint(parse(text)), in bounded memory. Absent: parse then lint.
   */
  check?(text: string, ctx: AnalysisContext): Finding[] | Promise<Finding[]>;
  /**
   * For a language whose meaning flows forward only (a zone file): the text up to the end of
   * the entry holding `line`, whose parse answers hover and completion there exactly as the
   * whole text's would; undefined when it would not, or is longer than `maxChars`. The server
   * answers from it on the main thread while a huge document's whole parse still runs.
   */
  prefixThrough?(text: string, line: number, maxChars: number): string | undefined;
  hover?(parsed: Parsed, position: Position, ctx: AnalysisContext): HoverResult | undefined;
  complete?(parsed: Parsed, position: Position, ctx: AnalysisContext): CompletionEntry[];
  symbols?(parsed: Parsed, ctx: AnalysisContext): OutlineSymbol[];
  codeLenses?(parsed: Parsed, ctx: AnalysisContext): CodeLensEntry[];
  inlayHints?(parsed: Parsed, range: Range, ctx: AnalysisContext): InlayHintEntry[];
  /** Files the document names; an embedding host (a ConfigMap) checks them against its keys. */
  references?(parsed: Parsed, ctx: AnalysisContext): FileReference[];
  /** Edits that format the whole document; never changes a token's meaning. */
  format?(text: string, ctx: AnalysisContext): TextEdit[];
}
