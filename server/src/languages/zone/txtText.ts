// TXT data as mail receivers see it: the record's strings concatenated without spaces
// (RFC 7208 §3.3), plus whether it was written as unquoted words (each word is a string).

import type { ZoneRecord } from './model';

export interface TxtText {
  text: string;
  /** Two or more unquoted words: they became separate strings and lost their spaces. */
  unquotedWords: boolean;
}

export function txtText(r: ZoneRecord): TxtText | undefined {
  if (r.type !== 'TXT' || !r.values) return undefined;
  const strings = r.values[0].value as string[];
  const tokens = r.values[0].tokens;
  return { text: strings.join(''), unquotedWords: tokens.filter((t) => !t.quoted).length >= 2 };
}
