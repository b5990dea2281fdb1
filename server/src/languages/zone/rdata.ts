// Reading RDATA by field kind: every record type in recordTypes.ts is a list of fields, and
// each field kind knows how to read its tokens (BIND 9.18's text rules and wording) and how
// many wire octets it takes (to check RFC 3597 `\# len hex` data of known types).

import type { Token } from './lexer';
import { parseName } from './names';
import { readBase32Hex, readBase64, readCharString, readHex, readSigTime, readTtl, readUint, isDottedQuad, isIpv6, U16, U32, U8 } from './values';

export type FieldKind =
  | 'u8'
  | 'u16'
  | 'u32'
  | 'ttl'
  | 'name'
  | 'ipv4'
  | 'ipv6'
  | 'string'
  | 'strings'
  | 'qstring'
  | 'hex'
  | 'base64'
  | 'base64-opt'
  | 'salt'
  | 'base32hex'
  | 'time'
  | 'type'
  | 'types'
  | 'types-opt'
  | 'alg'
  | 'cert-type'
  | 'caa-tag'
  | 'caa-value'
  | 'svcparams'
  | 'loc'
  | 'apl'
  | 'eui48'
  | 'eui64'
  | 'l64'
  | 'ipseckey-gateway'
  | 'dsync-scheme'
  | 'hex-opt'
  | 'nsap'
  | 'rest';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Markdown shown on hover over the field. */
  doc: string;
}

/** One field as read from the record's tokens. */
export interface FieldValue {
  spec: FieldSpec;
  tokens: Token[];
  /** number for numeric fields, canonical key for names, octets (latin1) for strings, etc. */
  value: unknown;
  /** For names: written without a trailing dot (relative to the origin). */
  relative?: boolean;
}

export interface RdataProblem {
  message: string;
  /** The offending token; undefined means "near eol" (after the last token). */
  token?: Token;
  /** Which rule the problem belongs to when it is not a plain RDATA syntax error. */
  kind?: 'ipv4' | 'txt-too-long' | 'name-length';
}

export interface ReadContext {
  origin: string;
  /** Type mnemonic -> code, for type fields and bitmaps. */
  typeCode: (mnemonic: string) => number | undefined;
}

/** DNSSEC algorithm mnemonics BIND 9.18 accepts (dns_secalg_fromtext). */
export const SECALG: Record<string, number> = {
  RSAMD5: 1,
  DH: 2,
  DSA: 3,
  RSASHA1: 5,
  NSEC3DSA: 6,
  NSEC3RSASHA1: 7,
  RSASHA256: 8,
  RSASHA512: 10,
  ECCGOST: 12,
  ECDSAP256SHA256: 13,
  ECDSAP384SHA384: 14,
  ED25519: 15,
  ED448: 16,
  INDIRECT: 252,
  PRIVATEDNS: 253,
  PRIVATEOID: 254,
};

/** CERT type mnemonics (RFC 4398 §2.1). */
const CERT_TYPES: Record<string, number> = { PKIX: 1, SPKI: 2, PGP: 3, IPKIX: 4, ISPKI: 5, IPGP: 6, ACPKIX: 7, IACPKIX: 8, URI: 253, OID: 254 };

/** SvcParamKeys BIND 9.18 knows (RFC 9460 §14.3.2, dohpath RFC 9461). */
export const SVC_KEYS: Record<string, number> = { mandatory: 0, alpn: 1, 'no-default-alpn': 2, port: 3, ipv4hint: 4, ech: 5, ipv6hint: 6, dohpath: 7 };

type Step = { value: unknown; used: number; relative?: boolean } | { problem: RdataProblem };

/** Concatenates the rest of the tokens (hex, base64 may be split by blanks). */
function joinRest(tokens: Token[], i: number): string {
  let s = '';
  for (let k = i; k < tokens.length; k++) s += tokens[k].text;
  return s;
}

function num(t: Token, max: number): Step {
  if (t.quoted) return { problem: { message: 'not a valid number', token: t } };
  const r = readUint(t.text, max);
  return r.error !== undefined ? { problem: { message: r.error, token: t } } : { value: r.value, used: 1 };
}

function readMnemonicOrNumber(t: Token, table: Record<string, number>, max: number): Step {
  const code = table[t.text.toUpperCase()];
  if (code !== undefined) return { value: code, used: 1 };
  if (/^\d/.test(t.text)) return num(t, max);
  return { problem: { message: 'unknown class/type', token: t } };
}

function readTypeToken(t: Token, ctx: ReadContext): Step {
  const code = ctx.typeCode(t.text);
  return code === undefined ? { problem: { message: 'unknown class/type', token: t } } : { value: code, used: 1 };
}

/** Splits an SvcParam value list on unescaped commas (RFC 9460 Appendix A.1). */
function splitValueList(value: string): string[] | undefined {
  const items: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      if (i + 1 >= value.length) return undefined;
      cur += value[++i];
    } else if (c === ',') {
      if (cur === '') return undefined;
      items.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur === '') return undefined;
  items.push(cur);
  return items;
}

function readSvcParams(tokens: Token[], start: number): Step {
  const seen = new Map<string, { key: string; value?: string; token: Token }>();
  const params: Array<{ key: string; value?: string; token: Token }> = [];
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i];
    const eq = t.text.indexOf('=');
    const key = eq < 0 ? t.text : t.text.slice(0, eq);
    let raw: string | undefined = eq < 0 ? undefined : t.text.slice(eq + 1);
    // key="quoted value": the lexer splits at the quote; the parts touch.
    const next = tokens[i + 1];
    if (raw === '' && next && next.quoted && next.line === t.line && next.start === t.end) {
      raw = next.text;
      i++;
    }
    const code = SVC_KEYS[key] ?? (/^key\d{1,5}$/.test(key) && Number(key.slice(3)) <= 65535 ? Number(key.slice(3)) : undefined);
    if (code === undefined) return { problem: { message: /^[a-z0-9-]+$/.test(key) ? 'syntax error' : 'FORMERR', token: t } };
    let value: string | undefined;
    if (raw !== undefined) {
      const quoted = raw.startsWith('"');
      const r = readCharString(raw, quoted);
      if (r.error !== undefined) return { problem: { message: 'syntax error', token: t } };
      value = r.value;
    }
    const name = key.startsWith('key') ? `key${code}` : key;
    if (seen.has(name)) return { problem: { message: 'duplicate query', token: t } };
    const p = { key: name, value, token: t };
    seen.set(name, p);
    params.push(p);
    const bad = checkSvcValue(name, value);
    if (bad) return { problem: { message: bad, token: t } };
  }
  const mandatory = seen.get('mandatory');
  if (mandatory?.value !== undefined) {
    const keys = splitValueList(mandatory.value) ?? [];
    const listed = new Set<string>();
    for (const k of keys) {
      const canonical = SVC_KEYS[k] !== undefined ? k : /^key\d+$/.test(k) ? `key${Number(k.slice(3))}` : undefined;
      if (!canonical || listed.has(canonical)) return { problem: { message: 'syntax error', token: mandatory.token } };
      listed.add(canonical);
      if (canonical === 'mandatory' || !seen.has(canonical)) return { problem: { message: 'disallowed (by application policy)' } };
    }
  }
  if (seen.has('no-default-alpn') && !seen.has('alpn')) return { problem: { message: 'disallowed (by application policy)' } };
  return { value: params, used: tokens.length - start };
}

function checkSvcValue(key: string, value: string | undefined): string | undefined {
  switch (key) {
    case 'mandatory':
    case 'alpn': {
      if (value === undefined) return 'syntax error';
      const items = splitValueList(value);
      if (!items || items.some((x) => x.length > 255)) return 'syntax error';
      return undefined;
    }
    case 'no-default-alpn':
      return value === undefined ? undefined : value === '' ? undefined : 'syntax error';
    case 'port':
      if (value === undefined || value === '' || !/^\d+$/.test(value)) return 'syntax error';
      return Number(value) > U16 ? 'out of range' : undefined;
    case 'ipv4hint': {
      const items = value === undefined ? undefined : splitValueList(value);
      return !items || !items.every(isDottedQuad) ? 'syntax error' : undefined;
    }
    case 'ipv6hint': {
      const items = value === undefined ? undefined : splitValueList(value);
      return !items || !items.every(isIpv6) ? 'syntax error' : undefined;
    }
    case 'ech':
      return value === undefined || value === '' ? undefined : readBase64(value).error;
    case 'dohpath':
      return value === undefined || value === '' ? 'FORMERR' : undefined;
    default:
      return undefined;
  }
}

/** LOC (RFC 1876 §3): d [m [s]] N|S d [m [s]] E|W alt[m] [size[m] [hp[m] [vp[m]]]]. */
function readLoc(tokens: Token[], start: number): Step {
  let i = start;
  const eol = (): Step => ({ problem: { message: 'unexpected end of input' } });
  const coord = (maxDeg: number, hemis: string): Step | undefined => {
    const t = tokens[i];
    if (!t) return eol();
    const deg = readUint(t.text, maxDeg);
    if (deg.error !== undefined) return { problem: { message: deg.error, token: t } };
    i++;
    let minutes = 0;
    let seconds = 0;
    for (let part = 0; part < 2; part++) {
      const u = tokens[i];
      if (!u) return eol();
      if (hemis.includes(u.text.toUpperCase()) && u.text.length === 1) break;
      if (part === 0) {
        const m = readUint(u.text, 59);
        if (m.error !== undefined) return { problem: { message: m.error, token: u } };
        minutes = m.value;
      } else {
        if (!/^\d+(\.\d{0,3})?$/.test(u.text)) return { problem: { message: 'not a valid number', token: u } };
        seconds = Number(u.text);
        if (seconds >= 60) return { problem: { message: 'out of range', token: u } };
      }
      if (deg.value === maxDeg && (minutes > 0 || seconds > 0)) return { problem: { message: 'out of range', token: u } };
      i++;
    }
    const h = tokens[i];
    if (!h) return eol();
    if (!(h.text.length === 1 && hemis.includes(h.text.toUpperCase()))) return { problem: { message: /^\d/.test(h.text) ? 'syntax error' : 'not a valid number', token: h } };
    i++;
    return undefined;
  };
  const lat = coord(90, 'NS');
  if (lat) return lat;
  const lon = coord(180, 'EW');
  if (lon) return lon;
  const metres = (t: Token, min: number, max: number): RdataProblem | undefined => {
    const m = /^(-?)(\d+)(?:\.(\d{1,2}))?[mM]?$/.exec(t.text);
    if (!m) return { message: 'not a valid number', token: t };
    const v = Number(`${m[1]}${m[2]}.${m[3] ?? '0'}`);
    if (v < min || v > max) return { message: 'out of range', token: t };
    return undefined;
  };
  const alt = tokens[i];
  if (!alt) return eol();
  const altProblem = metres(alt, -100000, 42849672.95);
  if (altProblem) return { problem: altProblem };
  i++;
  for (let k = 0; k < 3 && i < tokens.length; k++, i++) {
    const p = metres(tokens[i], 0, 90000000.99);
    if (p) return { problem: p };
    if (/^-/.test(tokens[i].text)) return { problem: { message: 'out of range', token: tokens[i] } };
  }
  return { value: undefined, used: i - start };
}

/** APL (RFC 3123): [!]afi:address/prefix items. */
function readApl(tokens: Token[], start: number): Step {
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i];
    const m = /^(!?)(\d+):([^/]*)\/(.*)$/.exec(t.text);
    if (!m) return { problem: { message: 'syntax error', token: t } };
    const afi = m[2];
    if (afi !== '1' && afi !== '2') return { problem: { message: 'not implemented', token: t } };
    if (afi === '1' && !isDottedQuad(m[3])) return { problem: { message: 'bad dotted quad', token: t } };
    if (afi === '2' && !isIpv6(m[3])) return { problem: { message: 'bad IPv6 address', token: t } };
    const prefix = readUint(m[4], afi === '1' ? 32 : 128);
    if (prefix.error !== undefined) return { problem: { message: prefix.error, token: t } };
  }
  return { value: undefined, used: tokens.length - start };
}

/** BIND reads EUIs with sscanf("%2x-%2x-…"): 1-2 hex digits per group, the rest ignored. */
function readEui(t: Token, groups: number): Step {
  const parts = t.text.split('-');
  if (parts.length < groups) return { problem: { message: 'bad EUI' } };
  for (let k = 0; k < groups; k++) {
    const m = /^[0-9A-Fa-f]{1,2}/.exec(parts[k]);
    if (!m || (k < groups - 1 && m[0] !== parts[k])) return { problem: { message: 'bad EUI' } };
  }
  return { value: t.text, used: 1 };
}

/** Reads one field at tokens[i]; `fields` and `values` give context (IPSECKEY gateway type). */
export function readField(spec: FieldSpec, tokens: Token[], i: number, ctx: ReadContext, previous: FieldValue[]): Step {
  const t = tokens[i];
  const isRest = spec.kind === 'strings' || spec.kind === 'hex' || spec.kind === 'base64' || spec.kind === 'base64-opt' || spec.kind === 'types' || spec.kind === 'types-opt' || spec.kind === 'svcparams' || spec.kind === 'loc' || spec.kind === 'apl';
  if (!t && !(spec.kind === 'base64-opt' || spec.kind === 'types-opt' || spec.kind === 'apl' || spec.kind === 'svcparams' || spec.kind === 'hex-opt' || spec.kind === 'rest')) {
    return { problem: { message: 'unexpected end of input' } };
  }
  void isRest;
  switch (spec.kind) {
    case 'u8':
      return num(t, U8);
    case 'u16':
      return num(t, U16);
    case 'u32':
      return num(t, U32);
    case 'ttl': {
      const r = readTtl(t.text);
      return r.error !== undefined ? { problem: { message: 'syntax error', token: t } } : { value: r.value, used: 1 };
    }
    case 'name': {
      if (t.quoted) return { problem: { message: 'syntax error', token: t } };
      const r = parseName(t.text, ctx.origin);
      if (r.error !== undefined) return { problem: { message: r.error, token: t, kind: r.error === 'empty label' || r.error === 'bad escape' ? undefined : 'name-length' } };
      return { value: r.key, used: 1, relative: !r.absolute && t.text !== '@' };
    }
    case 'ipv4':
      return !t.quoted && isDottedQuad(t.text) ? { value: t.text, used: 1 } : { problem: { message: 'bad dotted quad', token: t, kind: 'ipv4' } };
    case 'ipv6':
      return !t.quoted && isIpv6(t.text) ? { value: t.text, used: 1 } : { problem: { message: 'bad IPv6 address', token: t } };
    case 'string':
    case 'qstring': {
      if (spec.kind === 'qstring' && !t.quoted) return { problem: { message: 'syntax error', token: t } };
      const r = readCharString(t.text, t.quoted);
      if (r.error !== undefined) return { problem: { message: 'syntax error', token: t } };
      if (spec.kind === 'string' && r.value.length > 255) return { problem: { message: 'syntax error', token: t, kind: 'txt-too-long' } };
      return { value: r.value, used: 1 };
    }
    case 'strings': {
      const out: string[] = [];
      for (let k = i; k < tokens.length; k++) {
        const r = readCharString(tokens[k].text, tokens[k].quoted);
        if (r.error !== undefined) return { problem: { message: 'syntax error', token: tokens[k] } };
        if (r.value.length > 255) return { problem: { message: 'syntax error', token: tokens[k], kind: 'txt-too-long' } };
        out.push(r.value);
      }
      return { value: out, used: tokens.length - i };
    }
    case 'rest':
      return { value: undefined, used: tokens.length - i };
    case 'nsap': {
      const m = /^0x([0-9A-Fa-f.]+)$/i.exec(joinRest(tokens, i));
      const hex = m ? m[1].replace(/\./g, '') : '';
      return m && hex.length > 0 && hex.length % 2 === 0 ? { value: hex, used: tokens.length - i } : { problem: { message: 'bad hex encoding' } };
    }
    case 'hex-opt':
    case 'hex': {
      if (!t) return { value: new Uint8Array(0), used: 0 };
      const r = readHex(joinRest(tokens, i));
      return r.error !== undefined ? { problem: { message: r.error } } : { value: r.value, used: tokens.length - i };
    }
    case 'base64':
    case 'base64-opt': {
      if (!t) return { value: new Uint8Array(0), used: 0 };
      const r = readBase64(joinRest(tokens, i));
      return r.error !== undefined ? { problem: { message: r.error } } : { value: r.value, used: tokens.length - i };
    }
    case 'salt': {
      if (t.text === '-') return { value: new Uint8Array(0), used: 1 };
      const r = readHex(t.text);
      return r.error !== undefined ? { problem: { message: r.error } } : r.value.length > 255 ? { problem: { message: 'out of range', token: t } } : { value: r.value, used: 1 };
    }
    case 'base32hex': {
      const r = readBase32Hex(t.text);
      return r.error !== undefined ? { problem: { message: r.error, token: t } } : { value: t.text, used: 1 };
    }
    case 'time': {
      const r = readSigTime(t.text);
      return r.error !== undefined ? { problem: { message: /^\d+$/.test(t.text) && t.text.length <= 10 ? 'out of range' : 'syntax error', token: t } } : { value: r.value, used: 1 };
    }
    case 'type':
      return readTypeToken(t, ctx);
    case 'types':
    case 'types-opt': {
      if (!t && spec.kind === 'types') return { problem: { message: 'FORMERR' } };
      const codes: number[] = [];
      for (let k = i; k < tokens.length; k++) {
        const s = readTypeToken(tokens[k], ctx);
        if ('problem' in s) return s;
        codes.push(s.value as number);
      }
      return { value: codes, used: tokens.length - i };
    }
    case 'alg':
      return readMnemonicOrNumber(t, SECALG, U8);
    case 'cert-type':
      return readMnemonicOrNumber(t, CERT_TYPES, U16);
    case 'caa-tag':
      if (t.quoted || t.text === '') return { problem: { message: 'unexpected token', token: t } };
      return /^[A-Za-z0-9]+$/.test(t.text) ? { value: t.text, used: 1 } : { problem: { message: 'syntax error', token: t } };
    case 'caa-value': {
      const r = readCharString(t.text, t.quoted);
      return r.error !== undefined ? { problem: { message: 'syntax error', token: t } } : { value: r.value, used: 1 };
    }
    case 'svcparams':
      return readSvcParams(tokens, i);
    case 'loc':
      return readLoc(tokens, i);
    case 'apl':
      return readApl(tokens, i);
    case 'eui48':
      return readEui(t, 6);
    case 'eui64':
      return readEui(t, 8);
    case 'l64': {
      const parts = t.text.split(':');
      return parts.length === 4 && parts.every((p) => /^[0-9A-Fa-f]{1,4}$/.test(p)) ? { value: t.text, used: 1 } : { problem: { message: 'syntax error', token: t } };
    }
    case 'ipseckey-gateway': {
      const gatewayType = previous[1]?.value as number | undefined;
      if (gatewayType === 0) return t.text === '.' ? { value: '.', used: 1 } : { problem: { message: 'syntax error', token: t } };
      if (gatewayType === 1) return isDottedQuad(t.text) ? { value: t.text, used: 1 } : { problem: { message: 'bad dotted quad', token: t } };
      if (gatewayType === 2) return isIpv6(t.text) ? { value: t.text, used: 1 } : { problem: { message: 'bad IPv6 address', token: t } };
      const r = parseName(t.text, ctx.origin);
      return r.error !== undefined ? { problem: { message: r.error, token: t } } : { value: r.key, used: 1 };
    }
    case 'dsync-scheme':
      return readMnemonicOrNumber(t, { NOTIFY: 1 }, U8);
  }
}

/**
 * Reads all fields of a record's RDATA; returns the values or the first problem (BIND
 * stops at the first one too). Extra tokens are "extra input text".
 */
export function readRdata(fields: FieldSpec[], tokens: Token[], ctx: ReadContext): { values: FieldValue[]; problem?: RdataProblem } {
  const values: FieldValue[] = [];
  let i = 0;
  for (const spec of fields) {
    const step = readField(spec, tokens, i, ctx, values);
    if ('problem' in step) return { values, problem: step.problem };
    values.push({ spec, tokens: tokens.slice(i, i + step.used), value: step.value, relative: step.relative });
    i += step.used;
  }
  if (i < tokens.length) return { values, problem: { message: 'extra input text', token: tokens[i] } };
  return { values };
}

/** Octets a field takes in wire form; `undefined` length means "the rest". */
function wireStep(kind: FieldKind, wire: Uint8Array, at: number, previous: number[]): number | 'formerr' | 'end' {
  const left = wire.length - at;
  const fixed: Partial<Record<FieldKind, number>> = { u8: 1, u16: 2, u32: 4, ttl: 4, ipv4: 4, ipv6: 16, time: 4, type: 2, alg: 1, 'cert-type': 2, eui48: 6, eui64: 8, l64: 8, 'dsync-scheme': 1 };
  const size = fixed[kind];
  if (size !== undefined) return left < size ? 'end' : size;
  switch (kind) {
    case 'name': {
      let p = at;
      for (;;) {
        if (p >= wire.length) return 'end';
        const len = wire[p];
        if (len === 0) return p + 1 - at;
        if (len > 63) return 'formerr';
        p += len + 1;
      }
    }
    case 'qstring':
    case 'caa-value':
    case 'hex-opt':
    case 'rest':
    case 'apl':
    case 'svcparams':
    case 'nsap':
      return left;
    case 'string':
    case 'salt':
    case 'base32hex':
    case 'caa-tag': {
      if (left < 1) return 'end';
      const len = wire[at] + 1;
      if (kind === 'caa-tag' && wire[at] === 0) return 'formerr';
      return left < len ? 'end' : len;
    }
    case 'strings': {
      if (left < 1) return 'end';
      let p = at;
      while (p < wire.length) {
        p += wire[p] + 1;
        if (p > wire.length) return 'end';
      }
      return p - at;
    }
    case 'types':
    case 'types-opt': {
      if (left === 0) return kind === 'types' ? 'formerr' : 0;
      let p = at;
      while (p < wire.length) {
        if (p + 2 > wire.length) return 'formerr';
        const len = wire[p + 1];
        if (len < 1 || len > 32 || p + 2 + len > wire.length) return 'formerr';
        p += 2 + len;
      }
      return p - at;
    }
    case 'loc': {
      if (left < 16) return 'end';
      const view = new DataView(wire.buffer, wire.byteOffset + at);
      const lat = view.getUint32(4) - 2 ** 31;
      const lon = view.getUint32(8) - 2 ** 31;
      if (Math.abs(lat) > 90 * 3600000 || Math.abs(lon) > 180 * 3600000) return 'formerr';
      return 16;
    }
    case 'ipseckey-gateway': {
      const gatewayType = previous[1];
      if (gatewayType === 0) return 0;
      if (gatewayType === 1) return left < 4 ? 'end' : 4;
      if (gatewayType === 2) return left < 16 ? 'end' : 16;
      return wireStep('name', wire, at, previous);
    }
    case 'hex':
    case 'base64':
      return left < 1 ? 'end' : left;
    default:
      return left;
  }
}

/** Checks RFC 3597 octets against a known type's fields (BIND decodes and re-checks them). */
export function checkWire(fields: FieldSpec[], wire: Uint8Array): string | undefined {
  let at = 0;
  const numbers: number[] = [];
  for (const spec of fields) {
    const step = wireStep(spec.kind, wire, at, numbers);
    if (step === 'end') return 'unexpected end of input';
    if (step === 'formerr') return 'FORMERR';
    numbers.push(step === 1 ? wire[at] : step === 2 ? (wire[at] << 8) | wire[at + 1] : -1);
    at += step;
  }
  return at < wire.length ? 'extra input text' : undefined;
}

/** Reads RFC 3597 generic RDATA: `\#` length hex…; returns the octets or BIND's problem. */
export function readGenericRdata(tokens: Token[]): { wire?: Uint8Array; problem?: RdataProblem } {
  const lenToken = tokens[1];
  if (!lenToken) return { problem: { message: 'unexpected end of input' } };
  const len = readUint(lenToken.text, U16);
  if (len.error !== undefined) return { problem: { message: len.error, token: lenToken } };
  const hex = joinRest(tokens, 2);
  if (len.value === 0 && tokens.length > 2) return { problem: { message: 'extra input text', token: tokens[2] } };
  for (let k = 2; k < tokens.length; k++) {
    if (!/^[0-9A-Fa-f]*$/.test(tokens[k].text)) return { problem: { message: k > 2 && hex.length / 2 >= len.value ? 'extra input text' : 'bad hex encoding', token: tokens[k] } };
  }
  if (hex.length % 2 !== 0) return { problem: { message: 'bad hex encoding' } };
  const octets = hex.length / 2;
  if (octets < len.value) return { problem: { message: 'unexpected end of input' } };
  if (octets > len.value) return { problem: { message: 'ran out of space' } };
  return { wire: Uint8Array.from(Buffer.from(hex, 'hex')) };
}

/** A DS/ZONEMD-style digest length check: exact length per known digest type. */
export function digestLengthProblem(digestType: number, digest: Uint8Array, lengths: Record<number, number>): string | undefined {
  const want = lengths[digestType];
  return want !== undefined && digest.length !== want ? `digest is ${digest.length} octets; digest type ${digestType} needs ${want}` : undefined;
}
