// Server blocks and their directives. A directive is the first token of a line inside a
// server block; a "{" at the end of a directive's line opens its block of properties.

import type { Token } from './lexer';
import { lexCorefile } from './lexer';

export interface Directive {
  name: Token;
  args: Token[];
  /** Property lines inside the directive's own { } block. */
  properties: Array<{ name: Token; args: Token[] }>;
}

export interface ServerBlock {
  keys: Token[];
  directives: Directive[];
  /** Snippet definitions "(name) { ... }" are parsed like server blocks but never served. */
  isSnippet: boolean;
}

export interface SyntaxError {
  line: number;
  start: number;
  end: number;
  message: string;
}

export interface CorefileAst {
  blocks: ServerBlock[];
  errors: SyntaxError[];
}

function groupByLine(tokens: Token[], from: number): { line: Token[]; next: number } {
  const line: Token[] = [];
  let i = from;
  while (i < tokens.length && tokens[i].line === tokens[from].line) line.push(tokens[i++]);
  return { line, next: i };
}

const isOpen = (t: Token | undefined) => t !== undefined && !t.quoted && t.text === '{';
const isClose = (t: Token | undefined) => t !== undefined && !t.quoted && t.text === '}';

export function parseCorefile(text: string): CorefileAst {
  const { tokens, errors: lexErrors } = lexCorefile(text);
  const errors: SyntaxError[] = [...lexErrors];
  const blocks: ServerBlock[] = [];
  let i = 0;
  while (i < tokens.length) {
    // Server keys run until "{" (or the end of the line for a block without braces).
    const keys: Token[] = [];
    while (i < tokens.length && !isOpen(tokens[i])) {
      if (isClose(tokens[i])) {
        errors.push({ ...pos(tokens[i]), message: 'Unexpected "}" outside a server block' });
        i++;
        continue;
      }
      keys.push(tokens[i++]);
    }
    if (i >= tokens.length) {
      if (keys.length) errors.push({ ...pos(keys[keys.length - 1]), message: 'Expected "{" to open the server block' });
      break;
    }
    i++; // "{"
    const block: ServerBlock = { keys, directives: [], isSnippet: keys.length === 1 && /^\(.*\)$/.test(keys[0].text) };
    let closed = false;
    while (i < tokens.length) {
      if (isClose(tokens[i])) {
        closed = true;
        i++;
        break;
      }
      const { line, next } = groupByLine(tokens, i);
      i = next;
      const directive: Directive = { name: line[0], args: line.slice(1), properties: [] };
      if (isOpen(directive.args[directive.args.length - 1])) {
        directive.args.pop();
        let depth = 1;
        while (i < tokens.length && depth > 0) {
          const prop = groupByLine(tokens, i);
          i = prop.next;
          const words = prop.line.filter((t) => !isOpen(t) && !isClose(t));
          for (const t of prop.line) {
            if (isOpen(t)) depth++;
            else if (isClose(t)) depth--;
          }
          if (depth >= 1 && words.length) directive.properties.push({ name: words[0], args: words.slice(1) });
          else if (depth === 0 && words.length && words[0] !== prop.line[0]) directive.properties.push({ name: words[0], args: words.slice(1) });
        }
        if (depth > 0) errors.push({ ...pos(directive.name), message: `Block of "${directive.name.text}" is not closed with "}"` });
      }
      block.directives.push(directive);
    }
    if (!closed) errors.push({ ...pos(keys[0] ?? tokens[tokens.length - 1]), message: 'Server block is not closed with "}"' });
    blocks.push(block);
  }
  return { blocks, errors };
}

function pos(t: Token): { line: number; start: number; end: number } {
  return { line: t.line, start: t.start, end: t.end };
}
