// zone/txt-string-too-long: a character string over 255 octets (TXT, SPF, HINFO …). BIND
// says "syntax error" and rejects the zone; Knot silently splits it. The fix splits it into
// quoted strings of at most 255 octets, which TXT consumers concatenate back.

import type { Fix } from '../../../core/finding';
import type { Token } from '../lexer';
import { zoneRule, tokenRange } from '../ruleKit';

export const txtStringTooLong = zoneRule('txt-string-too-long', 'error', 'Character string over 255 octets');

/** Splits the token's text into quoted chunks of at most 255 octets, never inside an escape. */
export function splitStringFix(token: Token): Fix | undefined {
  const body = token.quoted ? token.text.slice(1, token.text.endsWith('"') ? -1 : undefined) : token.text;
  const chunks: string[] = [];
  let cur = '';
  let octets = 0;
  for (let i = 0; i < body.length; ) {
    let unit = body[i];
    let size = Buffer.byteLength(unit);
    if (unit === '\\') {
      unit = /^\\\d{3}/.test(body.slice(i, i + 4)) ? body.slice(i, i + 4) : body.slice(i, i + 2);
      size = 1;
    } else if (/[\uD800-\uDBFF]/.test(unit)) {
      unit = body.slice(i, i + 2);
      size = Buffer.byteLength(unit);
    }
    if (octets + size > 255) {
      chunks.push(cur);
      cur = '';
      octets = 0;
    }
    cur += unit;
    octets += size;
    i += unit.length;
  }
  if (cur) chunks.push(cur);
  if (chunks.length < 2) return undefined;
  return { title: `Split into ${chunks.length} strings of at most 255 octets`, edits: [{ range: tokenRange(token), newText: chunks.map((c) => `"${c}"`).join(' ') }], preferred: true };
}
