// Server blocks, directives and their property blocks, grouped the way coredns/caddy's
// parser groups them (caddyfile/parse.go), with recovery: CoreDNS stops at its first
// error, we record it and keep going so one bad line does not hide the rest of the file.
// Snippets "(name) { ... }" are recorded and spliced in where "import name" appears; a file
// import is read through readFile when the editor allows it.

import type { Range } from '../../core/finding';
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
}

export interface ParseOptions {
  uri?: string;
  /** Reads a file relative imports point to; absent in restricted mode. */
  readFile?: (absolutePath: string) => string | undefined;
}

/** A token read from an imported file remembers where it came from. */
export type SourcedToken = Token & { uri?: string; importedBy?: Token };

const MAX_SNIPPET_EXPANSIONS = 10000;
const MAX_FILE_IMPORTS = 100;

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
  private toks: SourcedToken[];
  private i = 0;
  readonly blocks: ServerBlock[] = [];
  readonly snippets: Snippet[] = [];
  readonly problems: SyntaxProblem[] = [];
  private snippetExpansions = 0;
  private fileImports = 0;

  constructor(
    tokens: Token[],
    private readonly opts: ParseOptions,
  ) {
    this.toks = tokens.slice();
  }

  private error(token: Token, message: string, severity?: 'warning'): void {
    this.problems.push({ token, message, severity });
  }

  private newLine(at: number): boolean {
    if (at < 1) return true;
    if (at >= this.toks.length) return false;
    const a = this.toks[at - 1];
    const b = this.toks[at];
    return a.uri !== b.uri || onLaterLine(a, b);
  }

  parseAll(): void {
    while (this.i < this.toks.length) {
      const before = this.i;
      this.parseOne();
      if (this.i === before) this.i++; // never loop without progress
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
    const first = this.toks[this.i];
    if (isWord(first, '{')) {
      block.open = first;
      this.i++;
    }
    this.directives(block);
    if (block.keys.length || block.directives.length) this.blocks.push(block);
  }

  /** Reads server keys; returns true when the file ended on the keys line. */
  private addresses(block: ServerBlock): boolean {
    let expectingAnother = false;
    let lastComma: Token | undefined;
    for (;;) {
      const tok = this.toks[this.i];
      if (isWord(tok, 'import') && this.newLine(this.i)) {
        this.doImport(block);
        if (this.i >= this.toks.length) return true;
        continue;
      }
      if (isWord(tok, '{')) {
        if (expectingAnother) this.error(lastComma ?? tok, "Expected another address but had '{' - check for extra comma");
        return false;
      }
      if (isWord(tok, '}')) {
        this.error(tok, "Unexpected '}' because no matching opening brace");
        this.i++;
        if (this.i >= this.toks.length) return true;
        if (this.newLine(this.i) && block.keys.length) return false;
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
      this.i++;
      if (this.i >= this.toks.length) {
        if (expectingAnother) this.error(lastComma ?? tok, 'Unexpected EOF: a trailing comma promises another server key');
        return true;
      }
      if (!expectingAnother && this.newLine(this.i)) return false;
    }
  }

  private snippet(keyToken: Token, name: string): void {
    const snip: Snippet = { name, keyToken, tokens: [] };
    if (this.snippets.some((s) => s.name === name)) this.error(keyToken, `redeclaration of previously declared snippet ${name}`);
    const open = this.toks[this.i];
    if (!isWord(open, '{')) {
      this.error(open ?? keyToken, `Syntax error: Unexpected token '${open?.text ?? 'EOF'}', expecting '{' (a snippet needs braces)`);
      return;
    }
    snip.open = open;
    this.i++;
    let depth = 1;
    while (this.i < this.toks.length) {
      const t = this.toks[this.i++];
      if (t.text === '}' && --depth === 0) {
        snip.close = t;
        break;
      }
      if (t.text === '{') depth++;
      snip.tokens.push(t);
    }
    if (depth !== 0) this.error(open, `Syntax error: Unexpected EOF, expecting '}' to close snippet (${name})`);
    for (let k = 0; k + 1 < snip.tokens.length; k++) {
      const t = snip.tokens[k];
      const atLineStart = k === 0 || onLaterLine(snip.tokens[k - 1], t);
      if (t.text === 'import' && atLineStart && snip.tokens[k + 1].text === name) this.error(snip.tokens[k + 1], `snippet (${name}) imports itself: maximum snippet import depth (${MAX_SNIPPET_EXPANSIONS}) exceeded`);
    }
    this.snippets.push(snip);
  }

  private directives(block: ServerBlock): void {
    while (this.i < this.toks.length) {
      const tok = this.toks[this.i];
      if (tok.text === '}') {
        this.i++;
        if (block.open) {
          block.close = tok;
          return;
        }
        // An unbraced block ends at a "}" (CoreDNS accepts it and reads what follows as keys).
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
    this.i++;
    const body = this.readBlock(tok);
    if (previous && !previous.block) previous.block = body;
  }

  private directive(block: ServerBlock, name: SourcedToken): void {
    const d: Directive = { name, args: [], trailing: [], importedBy: name.importedBy };
    this.i++;
    while (this.i < this.toks.length && !this.newLine(this.i)) {
      const t = this.toks[this.i];
      if (t.text === '{') {
        this.i++;
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
      this.i++;
    }
    block.directives.push(d);
  }

  /** Reads properties after an opening "{" up to its matching "}". */
  private readBlock(open: Token): PropertyBlock {
    const body: PropertyBlock = { open, properties: [] };
    let current: Property | undefined;
    while (this.i < this.toks.length) {
      const t = this.toks[this.i];
      if (t.text === '}') {
        this.i++;
        body.close = t;
        return body;
      }
      if (t.text === '{') {
        this.i++;
        const nested = this.readBlock(t);
        if (current && !current.block) current.block = nested;
        continue;
      }
      if (t.text === 'import' && this.newLine(this.i)) {
        this.doImport(undefined);
        continue;
      }
      const startsProperty = !current || this.newLine(this.i) || current.block !== undefined || this.toks[this.i - 1].text === '{';
      if (startsProperty) {
        current = { name: t, args: [] };
        body.properties.push(current);
      } else current!.args.push(t);
      this.i++;
    }
    this.error(open, "Unexpected EOF: this '{' is never closed");
    return body;
  }

  /** Replaces "import X" by the snippet's or file's tokens, as CoreDNS does at parse time. */
  private doImport(block: ServerBlock | undefined): void {
    const keyword = this.toks[this.i];
    const start = this.i;
    const args: Token[] = [];
    let k = this.i + 1;
    while (k < this.toks.length && !this.newLine(k)) args.push(this.toks[k++]);
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
      k = start + 2 + (args.length - 1);
    } else {
      const pattern = args[0].text;
      const snippet = this.snippets.find((s) => s.name === pattern);
      if (pattern === '') {
        this.error(args[0], 'Import requires a non-empty filepath');
      } else if (snippet) {
        statement.resolved = 'snippet';
        if (++this.snippetExpansions > MAX_SNIPPET_EXPANSIONS) this.error(args[0], `maximum snippet import depth (${MAX_SNIPPET_EXPANSIONS}) exceeded`);
        else replacement = snippet.tokens.map((t) => ({ ...t }));
      } else {
        replacement = this.importFile(args[0], statement, opaque);
      }
    }
    const imported = replacement.map((t) => ({ ...t, importedBy: keyword }));
    this.toks.splice(start, k - start, ...imported);
    this.i = start;
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
    if (/[*?]/.test(pattern) || hasEnvPlaceholder(target) || !this.opts.readFile || dir === undefined) {
      opaque();
      return [];
    }
    const full = pattern.startsWith('/') ? pattern : `${dir}/${pattern}`;
    const text = ++this.fileImports > MAX_FILE_IMPORTS ? undefined : this.opts.readFile(full);
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
  return { tokens, blocks: parser.blocks, snippets: parser.snippets, problems: parser.problems, uri: opts.uri ?? '' };
}

/** Every directive of every server block (snippet bodies are reached through imports). */
export function* allDirectives(ast: CorefileAst): Generator<{ block: ServerBlock; directive: Directive }> {
  for (const block of ast.blocks) for (const directive of block.directives) yield { block, directive };
}
