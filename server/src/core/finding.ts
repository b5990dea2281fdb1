// The finding model: what every rule produces and every front end (LSP, CLI, SARIF)
// translates. Positions are 0-based lines and UTF-16 code-unit columns, like LSP.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Marked as the preferred fix (applied by "auto fix"). */
  preferred?: boolean;
  /** A client command run with the edits (a fix that changes a setting rather than the text). */
  command?: { command: string; arguments?: unknown[] };
}

export interface RelatedLocation {
  /** Defaults to the document the finding belongs to. */
  uri?: string;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  /** Filled from the rule's default severity and the user's settings when omitted. */
  severity?: Severity;
  range: Range;
  message: string;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Rendered faded (unnecessary) or struck through (deprecated) by editors. */
  tags?: Array<'unnecessary' | 'deprecated'>;
  /** A finding for another file than the one linted (e.g. a $INCLUDEd zone file). */
  uri?: string;
  /**
   * A finding of an embedded region (the Corefile in a ConfigMap): its "disable" comments,
   * written in the region's language and mapped onto the host, since a host-language comment
   * line would break the scalar (a JSON string, a quoted value). An absent edit means the
   * host cannot hold the comment there.
   */
  suppress?: { line?: TextEdit; file?: TextEdit };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function range(line: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line, character: startChar }, end: { line: endLine, character: endChar } };
}

export function lineRange(line: number, startChar: number, endChar: number): Range {
  return range(line, startChar, line, endChar);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function compareFindings(a: Finding, b: Finding): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end) || a.ruleId.localeCompare(b.ruleId);
}
