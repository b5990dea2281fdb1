// Server blocks, directives and their property blocks, grouped the way coredns/caddy's
// parser groups them (caddyfile/parse.go), with recovery: CoreDNS stops at its first
// error, we record it and keep going so one bad line does not hide the rest of the file.
// Snippets "(name) { ... }" are recorded and spliced in where "import name" appears; a file
// import is read through readFile when the editor allows it.

import type { Position, Range } from '../../core/finding';
import { IncludeRefused } from '../../core/includePolicy';
import { LineIndex } from '../../core/text';
import { lexCorefile, onLaterLine, type Token } from './lexer';

export interface Property {
  name: Token;
  args: Token[];
  block?: PropertyBlock;
}

export interface PropertyBlock {
  open: Token;
  close?: Token;
  properties: Property[];
}

export interface Directive {
  name: Token;
  /** Tokens on the directive's line before its "{" (CoreDNS's RemainingArgs). */
  args: Token[];
  block?: PropertyBlock;
  /** Tokens after the directive's "}" on the same line (plugins read them as a new occurrence). */
  trailing: Token[];
  /** The "import" keyword that brought this directive in, when it came from a snippet or file. */
  importedBy?: Token;
}

export interface ImportStatement {
  keyword: Token;
  target?: Token;
  /** What the import resolved to. */
  resolved: 'snippet' | 'file' | 'unresolved';
}

export interface ServerBlock {
  keys: Token[];
  open?: Token;
  close?: Token;
  directives: Directive[];
  imports: ImportStatement[];
  /** An import whose content Infra Lens could not read (glob, restricted mode): checks that
   * need to see the whole block stay quiet. */
  hasOpaqueImport: boolean;
}

export interface Snippet {
  name: string;
  keyToken: Token;
  tokens: Token[];
  open?: Token;
  close?: Token;
}

export interface SyntaxProblem {
  token: Token;
  /** Defaults to the token's range. */
  range?: Range;
  message: string;
  severity?: 'error' | 'warning';
}

export interface CorefileAst {
  tokens: Token[];
  blocks: ServerBlock[];
  snippets: Snippet[];
  problems: SyntaxProblem[];
  /** URI of the document parsed (tokens from imported files carry their own `uri`). */
  uri: string;
  /** Lines of the document parsed, for edits that must end inside it. */
  index: LineIndex;
}

/** Where an edit deleting `line` whole ends: the next line's start, or the end of the last line. */
export function endOfLineDeletion(ast: CorefileAst, line: number): Position {
  const { index } = ast;
  if (line + 1 < index.lineCount) return { line: line + 1, character: 0 };
  const last = Math.min(line, index.lineCount - 1);
  return { line: last, character: index.lineEnd(last) - index.lineStarts[last] };
}

export interface ParseOptions {
  uri?: string;
  /** Reads a file relative imports point to; absent in restricted mode. */
  readFile?: (absolutePath: string) => string | undefined;
  /** The names in a directory, for an import glob; undefined when they are not known. */
  listDir?: (absoluteDir: string) => string[] | undefined;
}

/**
 * Go's filepath.Match for one path segment, as CoreDNS's import globs use it: `*` any run of
 * non-separator characters (a leading dot included), `?` one, `\` escapes the next one.
 * Classes (`[...]`) never reach here: CoreDNS refuses them in an import.
 */
export function globSegmentMatches(pattern: string, name: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 's').test(name);
}

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** A token read from an imported file remembers where it came from. */
export type SourcedToken = Token & { uri?: string; importedBy?: Token };

const MAX_SNIPPET_EXPANSIONS = 10000;
const MAX_FILE_IMPORTS = 100;
/** Imports may bring in this many tokens in all: the limit counts the work done (tokens
 * produced), so snippets that import each other twice per level cannot grow exponentially. */
export const MAX_IMPORTED_TOKENS = 100_000;

export function tokenRange(t: Token): Range {
  return { start: { line: t.line, character: t.start }, end: { line: t.endLine, character: t.end } };
}

/** Placeholders CoreDNS replaces from the environment: {$NAME} and {%NAME%}. */
export const ENV_PLACEHOLDER = /\{\$[^}]+\}|\{%[^%]+%\}/;

export function hasEnvPlaceholder(t: Token): boolean {
  return t.text.includes('{') && ENV_PLACEHOLDER.test(t.text);
}

const isWord = (t: Token | undefined, word: string): boolean => t !== undefined && t.text === word;

class Parser {
  /** The tokens still to read, in reverse order: the next token is the last element, so an
   * import replaces itself by its tokens with a push (no splice: many imports stay linear). */
  private rest: SourcedToken[];
  /** The token read last (the one before the next), for line-break checks. */
  private prev: SourcedToken | undefined;
  private steps = 0;
  readonly blocks: ServerBlock[] = [];
  readonly snippets: Snippet[] = [];
  readonly problems: SyntaxProblem[] = [];
  private snippetExpansions = 0;
  private fileImports = 0;
  private importedTokens = 0;
  private importLimitReported = false;

  constructor(
    tokens: Token[],
    private readonly opts: ParseOptions,
  ) {
    this.rest = tokens.slice().reverse();
  }

  private error(token: Token, message: string, severity?: 'warning'): void {
    this.problems.push({ token, message, severity });
  }

  private get eof(): boolean {
    return this.rest.length === 0;
  }

  /** The token `k` places ahead (0: the next one). */
  private peek(k = 0): SourcedToken | undefined {
    return this.rest[this.rest.length - 1 - k];
  }

  private advance(): SourcedToken {
    this.steps++;
    this.prev = this.rest.pop();
    return this.prev!;
  }

  /** The token `k` places ahead starts a new line (the first token of the file does). */
  private newLine(k = 0): boolean {
    const b = this.peek(k);
    if (!b) return false;
    const a = k === 0 ? this.prev : this.peek(k - 1);
    if (!a) return true;
    return a.uri !== b.uri || onLaterLine(a, b);
  }

  parseAll(): void {
    while (!this.eof) {
      const before = this.steps;
      this.parseOne();
      if (this.steps === before) this.advance(); // never loop without progress
    }
  }

  private parseOne(): void {
    const block: ServerBlock = { keys: [], directives: [], imports: [], hasOpaqueImport: false };
    const eof = this.addresses(block);
    if (eof) {
      if (block.keys.length) this.blocks.push(block);
      return;
    }
    const only = block.keys.length === 1 ? block.keys[0].text : '';
    if (only.startsWith('(') && only.endsWith(')') && only.length >= 2) {
      this.snippet(block.keys[0], only.slice(1, -1));
      return;
    }
    const first = this.peek();
    if (isWord(first, '{')) {
      block.open = first;
      this.advance();
    }
    this.directives(block);
    if (block.keys.length || block.directives.length) this.blocks.push(block);
  }

  /** Reads server keys; returns true when the file ended on the keys line. */
  private addresses(block: ServerBlock): boolean {
    let expectingAnother = false;
    let lastComma: Token | undefined;
    for (;;) {
      const tok = this.peek()!;
      if (isWord(tok, 'import') && this.newLine()) {
        this.doImport(block);
        if (this.eof) return true;
        continue;
      }
      if (isWord(tok, '{')) {
        if (expectingAnother) this.error(lastComma ?? tok, "Expected another address but had '{' - check for extra comma");
        return false;
      }
      if (isWord(tok, '}')) {
        this.error(tok, "Unexpected '}' because no matching opening brace");
        this.advance();
        if (this.eof) return true;
        if (this.newLine() && block.keys.length) return false;
        continue;
      }
      if (tok.text !== '') {
        if (tok.text.endsWith(',')) {
          expectingAnother = true;
          lastComma = tok;
          block.keys.push({ ...tok, text: tok.text.slice(0, -1), end: tok.end - 1 } as Token);
        } else {
          expectingAnother = false;
          block.keys.push(tok);
        }
      }
      this.advance();
      if (this.eof) {
        if (expectingAnother) this.error(lastComma ?? tok, 'Unexpected EOF: a trailing comma promises another server key');
        return true;
      }
      if (!expectingAnother && this.newLine()) return false;
    }
  }

  private snippet(keyToken: Token, name: string): void {
    const snip: Snippet = { name, keyToken, tokens: [] };
    if (this.snippets.some((s) => s.name === name)) this.error(keyToken, `redeclaration of previously declared snippet ${name}`);
    const open = this.peek();
    if (!isWord(open, '{')) {
      this.error(open ?? keyToken, `Syntax error: Unexpected token '${open?.text ?? 'EOF'}', expecting '{' (a snippet needs braces)`);
      return;
    }
    snip.open = open;
    this.advance();
    let depth = 1;
    while (!this.eof) {
      const t = this.advance();
      if (t.text === '}' && --depth === 0) {
        snip.close = t;
        break;
      }
      if (t.text === '{') depth++;
      snip.tokens.push(t);
    }
    if (depth !== 0) this.error(open!, `Syntax error: Unexpected EOF, expecting '}' to close snippet (${name})`);
    for (let k = 0; k + 1 < snip.tokens.length; k++) {
      const t = snip.tokens[k];
      const atLineStart = k === 0 || onLaterLine(snip.tokens[k - 1], t);
      if (t.text === 'import' && atLineStart && snip.tokens[k + 1].text === name) this.error(snip.tokens[k + 1], `snippet (${name}) imports itself: maximum snippet import depth (${MAX_SNIPPET_EXPANSIONS}) exceeded`);
    }
    this.snippets.push(snip);
  }

  private directives(block: ServerBlock): void {
    while (!this.eof) {
      const tok = this.peek()!;
      if (tok.text === '}') {
        this.advance();
        // An unbraced block ends at a "}" too (CoreDNS accepts it and reads what follows as keys).
        if (block.open) block.close = tok;
        return;
      }
      if (tok.text === 'import') {
        this.doImport(block);
        continue;
      }
      if (tok.text === '{') {
        this.strayOpenBrace(block, tok);
        continue;
      }
      this.directive(block, tok);
    }
    if (block.open) this.error(block.open, "Unexpected EOF: the server block's '{' is never closed");
  }

  /** "{" on a line of its own: CoreDNS reads it as a directive named "{". */
  private strayOpenBrace(block: ServerBlock, tok: Token): void {
    const previous = block.directives[block.directives.length - 1];
    this.error(tok, previous ? `Unknown directive '{': the '{' of '${previous.name.text}' must be on the same line as the directive` : "Unknown directive '{': a '{' must end the line it opens");
    this.advance();
    const body = this.readBlock(tok);
    if (previous && !previous.block) previous.block = body;
  }

  private directive(block: ServerBlock, name: SourcedToken): void {
    const d: Directive = { name, args: [], trailing: [], importedBy: name.importedBy };
    this.advance();
    while (!this.eof && !this.newLine()) {
      const t = this.peek()!;
      if (t.text === '{') {
        this.advance();
        d.block = this.readBlock(t);
        continue;
      }
      if (t.text === '}') {
        // "}" on the directive's line with nothing open: CoreDNS rejects it; we take it
        // as the end of the server block so the rest of the file still parses.
        this.error(t, "Unexpected '}' because no matching opening brace: put the closing '}' on its own line");
        break;
      }
      (d.block ? d.trailing : d.args).push(t);
      this.advance();
    }
    block.directives.push(d);
  }

  /** Reads properties after an opening "{" up to its matching "}". Nested blocks use an
   * explicit stack, not recursion: 100,000 nested "{" must not overflow the call stack. */
  private readBlock(open: Token): PropertyBlock {
    const root: PropertyBlock = { open, properties: [] };
    const stack: Array<{ body: PropertyBlock; current?: Property }> = [{ body: root }];
    while (!this.eof) {
      const frame = stack[stack.length - 1];
      const t = this.peek()!;
      if (t.text === '}') {
        this.advance();
        frame.body.close = t;
        stack.pop();
        if (stack.length === 0) return root;
        continue;
      }
      if (t.text === '{') {
        this.advance();
        const nested: PropertyBlock = { open: t, properties: [] };
        if (frame.current && !frame.current.block) frame.current.block = nested;
        stack.push({ body: nested });
        continue;
      }
      if (t.text === 'import' && this.newLine()) {
        this.doImport(undefined);
        continue;
      }
      const current = frame.current;
      const startsProperty = !current || this.newLine() || current.block !== undefined || this.prev?.text === '{';
      if (startsProperty) {
        frame.current = { name: t, args: [] };
        frame.body.properties.push(frame.current);
      } else current!.args.push(t);
      this.advance();
    }
    for (let k = stack.length - 1; k >= 0; k--) this.error(stack[k].body.open, "Unexpected EOF: this '{' is never closed");
    return root;
  }

  /** Replaces "import X" by the snippet's or file's tokens, as CoreDNS does at parse time. */
  private doImport(block: ServerBlock | undefined): void {
    const before = this.prev;
    const keyword = this.advance();
    const args: Token[] = [];
    while (!this.eof && !this.newLine()) args.push(this.advance());
    this.prev = before; // the imported tokens follow what came before the "import" line
    const statement: ImportStatement = { keyword, target: args[0], resolved: 'unresolved' };
    block?.imports.push(statement);
    let replacement: SourcedToken[] = [];
    const opaque = () => {
      if (block) block.hasOpaqueImport = true;
    };
    if (args.length === 0) {
      this.error(keyword, "Wrong argument count or unexpected line ending after 'import'");
      opaque();
    } else if (args.length > 1) {
      this.error(args[1], 'Import takes only one argument (glob pattern or file)');
      opaque();
    } else {
      const pattern = args[0].text;
      const snippet = this.snippets.find((s) => s.name === pattern);
      if (pattern === '') {
        this.error(args[0], 'Import requires a non-empty filepath');
      } else if (snippet) {
        statement.resolved = 'snippet';
        if (++this.snippetExpansions > MAX_SNIPPET_EXPANSIONS) this.error(args[0], `maximum snippet import depth (${MAX_SNIPPET_EXPANSIONS}) exceeded`);
        else replacement = snippet.tokens;
      } else {
        replacement = this.importFile(args[0], statement, opaque);
      }
    }
    if (replacement.length === 0) return;
    if (this.importedTokens + replacement.length > MAX_IMPORTED_TOKENS) {
      if (!this.importLimitReported) this.error(args[0], `Imports would bring in more than ${MAX_IMPORTED_TOKENS} tokens; this import and later ones are not expanded`);
      this.importLimitReported = true;
      opaque();
      return;
    }
    this.importedTokens += replacement.length;
    for (let k = replacement.length - 1; k >= 0; k--) this.rest.push({ ...replacement[k], importedBy: keyword });
  }

  private importFile(target: Token, statement: ImportStatement, opaque: () => void): SourcedToken[] {
    const pattern = target.text;
    const wildcards = (pattern.match(/\*/g)?.length ?? 0) > 1 || (pattern.match(/\?/g)?.length ?? 0) > 1 || (pattern.includes('[') && pattern.includes(']'));
    if (wildcards) {
      this.error(target, `Glob pattern may only contain one wildcard (*), but has others: ${pattern}`);
      opaque();
      return [];
    }
    if (/^\{\$\$?\}$|^\{%%?\}$/.test(pattern)) {
      this.error(target, `File to import not found: ${pattern} (an empty environment reference is kept literally)`);
      return [];
    }
    const dir = this.baseDir();
    if (hasEnvPlaceholder(target) || !this.opts.readFile || dir === undefined) {
      opaque();
      return [];
    }
    const full = pattern.startsWith('/') ? pattern : `${dir}/${pattern}`;
    if (/[*?]/.test(pattern)) return this.importGlob(target, full, statement, opaque);
    return this.importOneFile(target, full, statement, opaque);
  }

  /**
   * `import dir/*.server`: every match in name order, as CoreDNS's filepath.Glob gives them;
   * no match is no error (CoreDNS logs a warning and goes on). A wildcard in a directory
   * part, or a directory whose contents are not known, leaves the import unread.
   */
  private importGlob(target: Token, full: string, statement: ImportStatement, opaque: () => void): SourcedToken[] {
    const slash = full.lastIndexOf('/');
    const dir = full.slice(0, Math.max(1, slash));
    const base = full.slice(slash + 1);
    let names: string[] | undefined;
    try {
      names = /[*?]/.test(dir) ? undefined : this.opts.listDir?.(dir);
    } catch (e) {
      this.error(target, `import ${target.text} is not followed: ${e instanceof IncludeRefused ? e.reason : (e as Error).message}`, 'warning');
    }
    if (names === undefined) {
      opaque();
      return [];
    }
    const matches = names.filter((n) => globSegmentMatches(base, n)).sort();
    statement.resolved = 'file';
    const tokens: SourcedToken[] = [];
    for (const name of matches) tokens.push(...this.importOneFile(target, `${dir === '/' ? '' : dir}/${name}`, statement, opaque));
    return tokens;
  }

  private importOneFile(target: Token, full: string, statement: ImportStatement, opaque: () => void): SourcedToken[] {
    const pattern = target.text;
    let text: string | undefined;
    try {
      text = ++this.fileImports > MAX_FILE_IMPORTS ? undefined : this.opts.readFile?.(full);
    } catch (e) {
      // The include policy refused it (outside the workspace, a device, not a Corefile…).
      this.error(target, `import ${pattern} is not followed: ${e instanceof IncludeRefused ? e.reason : (e as Error).message}`, 'warning');
      opaque();
      return [];
    }
    if (text === undefined) {
      this.error(target, `File to import not found: ${pattern}`);
      return [];
    }
    statement.resolved = 'file';
    const uri = `file://${full}`;
    return lexCorefile(text).map((t) => ({ ...t, uri }));
  }

  private baseDir(): string | undefined {
    const uri = this.opts.uri;
    if (!uri?.startsWith('file://')) return undefined;
    const path = decodeURIComponent(uri.slice('file://'.length));
    const slash = path.lastIndexOf('/');
    return slash > 0 ? path.slice(0, slash) : '/';
  }
}

export function parseCorefile(text: string, opts: ParseOptions = {}): CorefileAst {
  const tokens = lexCorefile(text);
  const parser = new Parser(tokens, opts);
  parser.parseAll();
  for (const t of tokens) if (t.unterminated) parser.problems.push({ token: t, message: 'Unterminated quoted string: CoreDNS reads it up to the end of the file', severity: 'error' });
  return { tokens, blocks: parser.blocks, snippets: parser.snippets, problems: parser.problems, uri: opts.uri ?? '', index: new LineIndex(text) };
}

/** Every directive of every server block (snippet bodies are reached through imports). */
export function* allDirectives(ast: CorefileAst): Generator<{ block: ServerBlock; directive: Directive }> {
  for (const block of ast.blocks) for (const directive of block.directives) yield { block, directive };
}
