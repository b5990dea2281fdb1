// TXT data as mail receivers see it: the record's strings concatenated without spaces
// (RFC 7208 §3.3), plus whether it was written as unquoted words (each word is a string).

import type { ZoneRecord } from './model';

export interface TxtText {
  text: string;
  /** Two or more unquoted words: they became separate strings and lost their spaces. */
  unquotedWords: boolean;
}

export function txtText(r: ZoneRecord): TxtText | undefined {
  const text = txtJoined(r);
  return text === undefined ? undefined : { text, unquotedWords: writtenAsUnquotedWords(r) };
}

/** txtText(r).text without the object (hot visitors: one call per TXT record of a big zone). */
export function txtJoined(r: ZoneRecord): string | undefined {
  if (r.type !== 'TXT' || !r.values) return undefined;
  const strings = r.values[0].value as string[];
  return strings.length === 1 ? strings[0] : strings.join('');
}

/** txtText(r).unquotedWords without the object; r is a TXT record. */
export function writtenAsUnquotedWords(r: ZoneRecord): boolean {
  const tokens = r.values![0].tokens;
  let n = 0;
  for (let i = 0; i < tokens.length; i++) if (!tokens[i].quoted && ++n >= 2) return true;
  return false;
}
