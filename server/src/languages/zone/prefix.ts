// A zone file's meaning flows forward only: an entry is read with the $ORIGIN, $TTL, owner
// and class that the entries before it left, never with anything after it. So a hover or a
// completion at a line is answered exactly from a parse of the text up to the end of the
// entry holding that line, which is quick near the top of a huge zone whose whole parse
// still runs (the first keystrokes after opening it).

import { lexEntries } from './lexer';

/**
 * The text through the end of the entry that holds `line` (or the first entry after it),
 * or undefined when a prefix would not read the same as the whole text or is too long:
 * past `maxChars`, an $INCLUDE (other files, read where they are named), a parenthesis
 * recovery (the lexer looked ahead), or no entry at or after the line.
 */
export function zonePrefixThrough(text: string, line: number, maxChars: number): string | undefined {
  for (const entry of lexEntries(text)) {
    if (entry.offset > maxChars || entry.recoveries > 0) return undefined;
    if (entry.tokens[0]?.text.toUpperCase() === '$INCLUDE') return undefined;
    if (entry.endLine >= line) return entry.next > maxChars ? undefined : text.slice(0, entry.next);
  }
  return undefined;
}
