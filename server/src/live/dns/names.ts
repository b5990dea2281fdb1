// Domain names: presentation text <-> labels, validated before anything is encoded.
// dns-packet's encoder splits on '.' and writes whatever it gets (64-byte labels, empty
// labels, names over 255 bytes all produce corrupt packets), so names are checked here.

import { domainToASCII } from 'node:url';

export const MAX_LABEL = 63;
export const MAX_NAME_WIRE = 255;

export type NameResult = { ok: true; labels: Buffer[]; text: string } | { ok: false; error: string };

/** Parses `www.example.test`, `a\.b.test.`, `\065bc.test`, IDN `bücher.test` into labels. */
export function parseName(input: string): NameResult {
  let text = input.trim();
  if (text === '') return { ok: false, error: 'empty name' };
  if (text === '.') return { ok: true, labels: [], text: '.' };
  // Non-ASCII input is an IDN: convert it the way browsers and `dig +idnin` do.
  if (/[^\x00-\x7f]/.test(text)) {
    const ascii = domainToASCII(text.replace(/\.$/, ''));
    if (ascii === '') return { ok: false, error: `'${input}' is not a valid internationalized name` };
    text = ascii + (text.endsWith('.') ? '.' : '');
  }
  const labels: Buffer[] = [];
  let current: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      const digits = /^\d{3}/.exec(text.slice(i + 1, i + 4));
      if (digits) {
        const value = Number(digits[0]);
        if (value > 255) return { ok: false, error: `'${input}': escape \\${digits[0]} is not a byte` };
        current.push(value);
        i += 3;
      } else if (i + 1 < text.length) {
        current.push(text.charCodeAt(i + 1));
        i += 1;
      } else return { ok: false, error: `'${input}' ends with a lone backslash` };
    } else if (ch === '.') {
      // `a..b`, `.a`: an empty label would end the name early on the wire
      if (current.length === 0) return { ok: false, error: `'${input}' has an empty label` };
      labels.push(Buffer.from(current));
      current = [];
    } else current.push(text.charCodeAt(i));
  }
  if (current.length > 0) labels.push(Buffer.from(current));
  for (const l of labels) {
    if (l.length > MAX_LABEL) return { ok: false, error: `label '${formatLabel(l)}' is ${l.length} bytes long (at most ${MAX_LABEL})` };
  }
  if (wireLength(labels) > MAX_NAME_WIRE) return { ok: false, error: `'${input}' is ${wireLength(labels)} bytes on the wire (at most ${MAX_NAME_WIRE})` };
  return { ok: true, labels, text: formatName(labels) };
}

export function wireLength(labels: Buffer[]): number {
  return labels.reduce((n, l) => n + l.length + 1, 1);
}

export function encodeName(labels: Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const l of labels) parts.push(Buffer.from([l.length]), l);
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

// dig escapes these with a backslash; other bytes outside printable ASCII become \DDD.
const SPECIAL = new Uint8Array(128);
for (const c of '."();@$\\') SPECIAL[c.charCodeAt(0)] = 1;

export function formatLabel(label: Buffer): string {
  // Most labels need no escape: one decode then, not a string grown byte by byte.
  let plain = 0;
  while (plain < label.length) {
    const b = label[plain];
    if (b < 0x21 || b > 0x7e || SPECIAL[b] === 1) break;
    plain++;
  }
  if (plain === label.length) return label.toString('latin1');
  let out = label.toString('latin1', 0, plain);
  for (let i = plain; i < label.length; i++) {
    const b = label[i];
    if (b < 0x80 && SPECIAL[b] === 1) out += '\\' + String.fromCharCode(b);
    else if (b < 0x21 || b > 0x7e) out += '\\' + String(b).padStart(3, '0');
    else out += String.fromCharCode(b);
  }
  return out;
}

/** Absolute presentation form with the trailing dot; the root is `.`. */
export function formatName(labels: Buffer[]): string {
  return labels.length === 0 ? '.' : labels.map(formatLabel).join('.') + '.';
}

/** Lower-cased ASCII comparison form (DNS names compare case-insensitively, RFC 4343). */
export function canonicalName(text: string): string {
  const r = parseName(text);
  const abs = r.ok ? r.text : text.endsWith('.') ? text : text + '.';
  return abs.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function sameName(a: Buffer[], b: Buffer[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].length !== b[i].length) return false;
    for (let j = 0; j < a[i].length; j++) {
      const x = a[i][j], y = b[i][j];
      if (x !== y && lower(x) !== lower(y)) return false;
    }
  }
  return true;
}

function lower(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b + 32 : b;
}

/** True when `name` equals `zone` or lies below it. */
export function isSubdomain(name: Buffer[], zone: Buffer[]): boolean {
  if (zone.length > name.length) return false;
  return sameName(name.slice(name.length - zone.length), zone);
}

export type WireName = { labels: Buffer[]; end: number };

/**
 * Reads a (possibly compressed) name at `offset`. Pointers must point strictly backwards
 * (so there are no loops); the name may not exceed 255 bytes. Throws a short reason.
 */
export function readWireName(msg: Buffer, offset: number): WireName {
  const labels: Buffer[] = [];
  let pos = offset;
  let end = -1;
  let limit = offset; // pointers must go below the start of the name being followed
  let length = 1;
  for (;;) {
    if (pos >= msg.length) throw new Error('name runs past the end of the message');
    const len = msg[pos];
    if (len === 0) {
      if (end < 0) end = pos + 1;
      break;
    }
    const kind = len & 0xc0;
    if (kind === 0xc0) {
      if (pos + 1 >= msg.length) throw new Error('compression pointer runs past the end');
      const target = ((len & 0x3f) << 8) | msg[pos + 1];
      if (target >= limit) throw new Error('compression pointer does not point backwards');
      if (end < 0) end = pos + 2;
      limit = target;
      pos = target;
      continue;
    }
    if (kind !== 0) throw new Error(`bad label type 0x${len.toString(16)}`);
    if (pos + 1 + len > msg.length) throw new Error('label runs past the end of the message');
    length += len + 1;
    if (length > MAX_NAME_WIRE) throw new Error('name longer than 255 bytes');
    labels.push(msg.subarray(pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  return { labels, end };
}
