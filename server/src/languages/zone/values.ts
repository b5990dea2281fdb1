// Scalar values of master files, read the way BIND 9.18 reads them: unsigned numbers, TTLs
// with units, addresses, character strings, and the hex/base64/base32hex encodings. Each
// reader returns the value or BIND's wording of the problem; none uses a backtracking regex.

export type Read<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

const ok = <T>(value: T): Read<T> => ({ value });
const fail = <T>(error: string): Read<T> => ({ error });

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** An unsigned decimal number with an upper bound ("not a valid number" / "out of range"). */
export function readUint(text: string, max: number): Read<number> {
  // One scan checks the digits and adds them up (exact: at most 12 digits are summed).
  const len = text.length;
  if (len === 0) return fail('not a valid number');
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return fail('not a valid number');
    n = n * 10 + (c - 48);
  }
  if (len > 12) n = Infinity;
  return n > max ? fail('out of range') : ok(n);
}

export const U8 = 0xff;
export const U16 = 0xffff;
export const U32 = 0xffffffff;
export const MAX_TTL = 0x7fffffff;

const TTL_UNITS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** A TTL: decimal seconds or BIND's unit form (1w2d3h4m5s, case-insensitive). */
export function readTtl(text: string): Read<number> {
  if (allDigits(text)) return readUint(text, U32);
  let total = 0;
  let digits = '';
  if (text.length === 0) return fail('bad ttl');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      continue;
    }
    const unit = TTL_UNITS[c.toLowerCase()];
    if (unit === undefined || digits === '') return fail('bad ttl');
    total += Number(digits) * unit;
    digits = '';
  }
  // BIND ignores nothing after the last unit: a trailing bare number is an error.
  if (digits !== '') return fail('bad ttl');
  return total > U32 ? fail('out of range') : ok(total);
}

/** Whether a token reads as a TTL (used to tell TTL, class and type apart). */
export function looksLikeTtl(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 48 && c <= 57 && readTtl(text).error === undefined;
}

/** inet_pton(AF_INET): four decimal octets 0-255, no leading zeros. */
export function isDottedQuad(text: string): boolean {
  // A scan, not split(): every A record goes through here.
  let parts = 0;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    const start = i;
    let value = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      i++;
    }
    const len = i - start;
    if (len === 0 || len > 3 || (len > 1 && text.charCodeAt(start) === 48) || value > 255) return false;
    parts++;
    if (i === n) break;
    if (text.charCodeAt(i) !== 46 || parts === 4) return false;
    i++;
  }
  return parts === 4;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** inet_pton(AF_INET6): up to 8 groups of 1-4 hex digits, at most one '::', optional IPv4 tail. */
export function isIpv6(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  const dbl = text.indexOf('::');
  if (dbl >= 0 && text.indexOf('::', dbl + 1) >= 0) return false;
  // The groups before and after the '::' (or of the whole text), scanned in place: every
  // AAAA record comes here. An empty side has no groups; the last group may be an IPv4 tail.
  const n = text.length;
  const headEnd = dbl >= 0 ? dbl : n;
  const tailStart = dbl >= 0 ? dbl + 2 : n;
  const headGroups = scanIpv6Groups(text, 0, headEnd, tailStart >= n);
  if (headGroups < 0) return false;
  const tailGroups = scanIpv6Groups(text, tailStart, n, true);
  if (tailGroups < 0) return false;
  const count = headGroups + tailGroups;
  return dbl >= 0 ? count <= 7 : count === 8;
}

/**
 * The 16-bit groups of text[from, to) split at ':' (none when empty), -1 when one is not
 * 1-4 hex digits. `last`: these are the address's last groups, so the final one may be a
 * dotted quad (two groups).
 */
function scanIpv6Groups(text: string, from: number, to: number, last: boolean): number {
  if (from >= to) return 0;
  let count = 0;
  let start = from;
  for (let k = from; k <= to; k++) {
    if (k < to && text.charCodeAt(k) !== 58) continue;
    const len = k - start;
    if (last && k === to && text.indexOf('.', start) >= 0 && text.indexOf('.', start) < to) {
      if (!isDottedQuad(text.slice(start, to))) return -1;
      count += 2;
    } else {
      if (len === 0 || len > 4) return -1;
      for (let j = start; j < k; j++) if (!isHexDigit(text.charCodeAt(j))) return -1;
      count++;
    }
    start = k + 1;
  }
  return count;
}

/**
 * The octets of a character string (quoted or not) after unescaping, as a latin1 string;
 * "bad escape" for \DDD over 255.
 */
export function readCharString(token: string, quoted: boolean): Read<string> {
  const body = quoted ? token.slice(1, token.endsWith('"') && token.length > 1 ? -1 : undefined) : token;
  if (body.indexOf('\\') < 0) return ok(utf8Octets(body));
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += utf8Octets(c);
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) return fail('bad escape');
    if (next >= '0' && next <= '9') {
      const ddd = body.slice(i + 1, i + 4);
      if (!allDigits(ddd) || ddd.length !== 3 || Number(ddd) > 255) return fail('bad escape');
      out += String.fromCharCode(Number(ddd));
      i += 3;
    } else {
      out += utf8Octets(next);
      i += 1;
    }
  }
  return ok(out);
}

/** A JS string as its UTF-8 octets (one char per octet); ASCII passes through unchanged. */
function utf8Octets(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return Buffer.from(s, 'utf8').toString('latin1');
  return s;
}

/** Hex digits (any case, even count) to octets. */
export function readHex(text: string): Read<Uint8Array> {
  if (text.length % 2 !== 0) return fail('bad hex encoding');
  for (let i = 0; i < text.length; i++) if (!isHexDigit(text.charCodeAt(i))) return fail('bad hex encoding');
  return ok(Uint8Array.from(Buffer.from(text, 'hex')));
}

/** Base64 (RFC 4648 §4) with padding; BIND's "bad base64 encoding" otherwise. */
export function readBase64(text: string): Read<Uint8Array> {
  if (text.length % 4 !== 0) return fail('bad base64 encoding');
  let pad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (c === 61) pad++;
    else if (!alpha || pad > 0) return fail('bad base64 encoding');
  }
  if (pad > 2) return fail('bad base64 encoding');
  return ok(Uint8Array.from(Buffer.from(text, 'base64')));
}

/** Base32hex (RFC 4648 §7) without padding, as NSEC3 next-hashed-owner fields use it. */
export function readBase32Hex(text: string): Read<number> {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 118))) return fail('bad base32 encoding');
  }
  // Valid unpadded lengths: 8 symbols = 5 octets; remainders 2, 4, 5, 7 symbols.
  if (![0, 2, 4, 5, 7].includes(text.length % 8)) return fail('bad base32 encoding');
  // The bits after the last whole octet must be zero (BIND isc_base32hexnp_decodestring).
  const spare = (text.length * 5) % 8;
  if (spare > 0 && (parseInt(text[text.length - 1], 32) & ((1 << spare) - 1)) !== 0) return fail('bad base32 encoding');
  return ok(Math.floor((text.length * 5) / 8));
}

/** RRSIG times: YYYYMMDDHHmmSS (UTC) or a u32 of seconds since the epoch. */
export function readSigTime(text: string): Read<number> {
  if (!allDigits(text)) return fail('bad time');
  if (text.length === 14) {
    const t = Date.UTC(+text.slice(0, 4), +text.slice(4, 6) - 1, +text.slice(6, 8), +text.slice(8, 10), +text.slice(10, 12), +text.slice(12, 14));
    const month = +text.slice(4, 6);
    const day = +text.slice(6, 8);
    if (month < 1 || month > 12 || day < 1 || day > 31 || +text.slice(8, 10) > 23 || +text.slice(10, 12) > 59 || +text.slice(12, 14) > 60) return fail('bad time');
    return ok(Math.floor(t / 1000));
  }
  if (text.length > 10) return fail('bad time');
  return readUint(text, U32);
}
