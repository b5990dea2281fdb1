// What the zone parser produces and every rule, hover and command reads.

import type { Finding } from '../../core/finding';
import type { Token } from './lexer';
import type { FieldValue } from './rdata';
import type { RecordType } from './recordTypes';

export interface ZoneRecord {
  /** URI of the $INCLUDEd file the record comes from; undefined for the document itself. */
  uri?: string;
  /** Canonical absolute owner ("www.example.com."). */
  owner: string;
  /** The owner as written; undefined when inherited from the previous record. */
  ownerToken?: Token;
  ttl: number;
  ttlToken?: Token;
  class: string;
  classToken?: Token;
  /** Mnemonic (upper case) or TYPEnnn. */
  type: string;
  code: number;
  typeToken: Token;
  /** The table entry for the type, when it has one. */
  spec?: RecordType;
  rdata: Token[];
  /** Fields read from the RDATA; undefined when the RDATA has a syntax error or is `\#` form. */
  values?: FieldValue[];
  /** RFC 3597 `\#` octets when written in that form. */
  wire?: Uint8Array;
  /** First and last line of the entry, and the column after its last character. */
  line: number;
  endLine: number;
  endChar: number;
  /** The origin in force when the record was read (relative names are relative to it). */
  origin: string;
  /** Set for records a $GENERATE line produced. */
  generated?: boolean;
}

export interface Directive {
  uri?: string;
  name: Token;
  args: Token[];
  line: number;
  endLine: number;
}

export interface IncludedFile {
  /** The $INCLUDE directive in the document (or in another included file). */
  directive: Directive;
  uri: string;
  path: string;
  text: string;
}

export interface ZoneAst {
  /** The zone apex (canonical key). */
  origin: string;
  /** Where the apex came from: the first $ORIGIN, the setting/--origin, the file name, or the SOA owner. */
  originSource: '$ORIGIN' | 'setting' | 'file name' | 'SOA owner' | 'none';
  records: ZoneRecord[];
  /** No SOA anywhere: a piece of a zone (an $INCLUDEd file); zone-level checks are skipped. */
  fragment: boolean;
  directives: Directive[];
  /** Syntax findings (lexer, directives, RDATA). */
  findings: Finding[];
  includes: IncludedFile[];
  /** Multi-line entries (for folding): first and last line. */
  multiLine: Array<{ line: number; endLine: number }>;
  /** The per-entry table incremental parsing works from (absent when the parse was streamed). */
  entries?: EntryTable;
  /** The document's text, for commands that edit it. */
  text: string;
  uri: string;
}

/** The parser's state where an entry starts: what the entry's meaning depends on. */
export interface ParseSnapshot {
  origin: string;
  owner?: string;
  defaultTtl?: number;
  lastTtl?: number;
  warnedRfc1035Ttl: boolean;
  /** $GENERATE records made so far (the limit counts all lines). */
  generated: number;
  generatedChars: number;
}

/**
 * One row per entry of the document (not of included files), in order: where it starts,
 * the state it was read in, and how far the AST's lists had grown after it. reparse()
 * reuses the rows before and after an edit.
 */
export interface EntryTable {
  offset: number[];
  line: number[];
  stateIn: ParseSnapshot[];
  /** Lengths of records, findings, directives and multiLine after each entry. */
  recordsEnd: number[];
  findingsEnd: number[];
  directivesEnd: number[];
  multiLineEnd: number[];
  /** The document has $INCLUDEs or paren recoveries: reparse() parses it all again. */
  unsafe: boolean;
  /** The apex inputs the parse started from (a change of them means a full parse). */
  startOrigin: string;
  originSource: ZoneAst['originSource'];
}
