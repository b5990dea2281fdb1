// Reading RDATA by field kind: every record type in recordTypes.ts is a list of fields, and
// each field kind knows how to read its tokens (BIND 9.18's text rules and wording) and how
// many wire octets it takes (to check RFC 3597 `\# len hex` data of known types).

import { WKS_SERVICES } from './bindTypes';
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
  | 'no-text'
  | 'x25'
  | 'string-opt'
  | 'wks-proto'
  | 'wks-services'
  | 'time14'
  | 'key-data'
  | 'a6'
  | 'hip'
  | 'amtrelay'
  | 'atma'
  | 'nxt-types'
  | 'doa-data'
  | 'naptr-regexp'
  | 'keyflags'
  | 'rkey-flags'
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

/**
 * A SvcParamKey at the start of `text` (BIND svc_keyfromregion): a known name in any case,
 * or `keyNNNNN` without leading zeros; returns the code and the rest after the separator.
 */
function svcKeyFrom(text: string, sep: string): { code: number; rest: string } | { error: string } {
  for (const [name, code] of Object.entries(SVC_KEYS)) {
    const next = text[name.length];
    if (text.slice(0, name.length).toLowerCase() === name && (next === undefined || next === sep)) return finishKey(code, text.slice(name.length), sep);
  }
  if (!text.startsWith('key')) return { error: 'syntax error' };
  const m = /^\d+/.exec(text.slice(3));
  if (!m) return { error: 'syntax error' };
  if (m[0].length > 1 && m[0][0] === '0') return { error: 'syntax error' };
  const after = text.slice(3 + m[0].length);
  if (after !== '' && after[0] !== sep) return { error: 'syntax error' };
  if (Number(m[0]) > U16) return { error: 'out of range' };
  return finishKey(Number(m[0]), after, sep);
}

function finishKey(code: number, rest: string, sep: string): { code: number; rest: string } | { error: string } {
  if (sep === ',' && rest === ',') return { error: 'syntax error' };
  return { code, rest: rest.slice(1) };
}

/** BIND svcb_validate: a key's value in wire form, for keys written as keyNNNNN or in another case. */
function svcWireValid(code: number, v: Uint8Array): boolean {
  switch (code) {
    case 0: {
      if (v.length === 0 || v.length % 2 !== 0) return false;
      for (let k = 2; k < v.length; k += 2) if (((v[k - 2] << 8) | v[k - 1]) >= ((v[k] << 8) | v[k + 1])) return false;
      return true;
    }
    case 1: {
      if (v.length === 0) return false;
      for (let k = 0; k < v.length; k += v[k] + 1) if (v[k] === 0 || k + v[k] + 1 > v.length) return false;
      return true;
    }
    case 2:
      return v.length === 0;
    case 3:
      return v.length === 2;
    case 4:
      return v.length > 0 && v.length % 4 === 0;
    case 6:
      return v.length > 0 && v.length % 16 === 0;
    case 7:
      return validDohpath(Buffer.from(v).toString('latin1'));
    default:
      return true;
  }
}

/** RFC 9461 dohpath: a relative URI template starting with '/' that has the "dns" variable. */
function validDohpath(text: string): boolean {
  return text.startsWith('/') && /\{[?&]([^}]*,)?dns(,[^}]*)?\}/.test(text);
}

function readSvcParams(tokens: Token[], start: number): Step {
  const present = new Map<number, Token>();
  const params: Array<{ key: string; value?: string; token: Token }> = [];
  let mandatory: number[] | undefined;
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
    let value: string | undefined;
    if (raw !== undefined) {
      const r = readCharString(raw, raw.startsWith('"'));
      if (r.error !== undefined) return { problem: { message: 'syntax error', token: t } };
      value = r.value;
    }
    const exact = SVC_KEYS[key];
    let code: number;
    if (exact !== undefined) {
      // A key spelled exactly: its value is read in that key's presentation format.
      code = exact;
      const bad = checkSvcValue(key, value);
      if (bad) return { problem: { message: bad, token: t } };
      if (key === 'mandatory') {
        const keys: number[] = [];
        let rest = value ?? '';
        while (rest !== '') {
          const k = svcKeyFrom(rest, ',');
          if ('error' in k) return { problem: { message: k.error, token: t } };
          keys.push(k.code);
          rest = k.rest;
        }
        if (new Set(keys).size !== keys.length) return { problem: { message: 'syntax error', token: t } };
        mandatory = keys;
      }
    } else {
      // keyNNNNN or a known name in another case: the value's octets are the wire form.
      const k = svcKeyFrom(eq < 0 ? key : `${key}=`, '=');
      if ('error' in k) return { problem: { message: k.error, token: t } };
      code = k.code;
      if (!svcWireValid(code, Buffer.from(value ?? '', 'latin1'))) return { problem: { message: 'FORMERR', token: t } };
      if (code === 0) {
        const v = Buffer.from(value ?? '', 'latin1');
        mandatory = [];
        for (let p = 0; p + 1 < v.length; p += 2) mandatory.push((v[p] << 8) | v[p + 1]);
      }
    }
    if (present.has(code)) return { problem: { message: 'duplicate query', token: t } };
    present.set(code, t);
    params.push({ key: code === exact ? key : `key${code}`, value, token: t });
  }
  if (mandatory) {
    if (mandatory.includes(0)) return { problem: { message: 'disallowed (by application policy)' } };
    if (mandatory.some((k) => !present.has(k))) return { problem: { message: 'inconsistent resource record' } };
  }
  if (present.size === 1 && present.has(0)) return { problem: { message: 'disallowed (by application policy)' } };
  if (present.has(2) && !present.has(1)) return { problem: { message: 'disallowed (by application policy)' } };
  return { value: params, used: tokens.length - start };
}

function checkSvcValue(key: string, value: string | undefined): string | undefined {
  switch (key) {
    case 'mandatory':
      return value === undefined || value === '' ? 'syntax error' : undefined;
    case 'alpn': {
      if (value === undefined) return 'syntax error';
      const items = splitValueList(value);
      if (!items || items.some((x) => x.length > 255)) return 'syntax error';
      return undefined;
    }
    case 'no-default-alpn':
      return value === undefined || value === '' ? undefined : 'syntax error';
    case 'port':
      if (value === undefined || value === '' || !/^\d+$/.test(value)) return 'syntax error';
      return Number(value) > U16 ? 'out of range' : undefined;
    case 'ipv4hint': {
      const items = value === undefined ? undefined : value.split(',');
      return !items || !items.every(isDottedQuad) ? 'syntax error' : undefined;
    }
    case 'ipv6hint': {
      const items = value === undefined ? undefined : value.split(',');
      return !items || !items.every(isIpv6) ? 'syntax error' : undefined;
    }
    case 'ech':
      return value === undefined || value === '' ? undefined : readBase64(value).error;
    case 'dohpath':
      return value === undefined || !validDohpath(value) ? 'FORMERR' : undefined;
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
export function readField(spec: FieldSpec, tokens: Token[], i: number, ctx: ReadContext, previous: FieldValue[], read = previous.length): Step {
  const t = tokens[i];
  if (!t && !(spec.kind === 'base64-opt' || spec.kind === 'types-opt' || spec.kind === 'apl' || spec.kind === 'svcparams' || spec.kind === 'hex-opt' || spec.kind === 'rest' || spec.kind === 'string-opt' || spec.kind === 'wks-services' || spec.kind === 'nxt-types' || spec.kind === 'key-data' || spec.kind === 'a6' || spec.kind === 'hip' || spec.kind === 'amtrelay')) {
    return { problem: { message: 'unexpected end of input' } };
  }
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
      return isAlphanumeric(t.text) ? { value: t.text, used: 1 } : { problem: { message: 'syntax error', token: t } };
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
      if (gatewayType !== undefined && gatewayType > 3) return { problem: { message: 'out of range', token: previous[1].tokens[0] } };
      if (gatewayType === 0) return t.text === '.' ? { value: '.', used: 1 } : { problem: { message: 'syntax error', token: t } };
      if (gatewayType === 1) return isDottedQuad(t.text) ? { value: t.text, used: 1 } : { problem: { message: 'bad dotted quad', token: t } };
      if (gatewayType === 2) return isIpv6(t.text) ? { value: t.text, used: 1 } : { problem: { message: 'bad IPv6 address', token: t } };
      const r = parseName(t.text, ctx.origin);
      return r.error !== undefined ? { problem: { message: r.error, token: t } } : { value: r.key, used: 1 };
    }
    case 'dsync-scheme':
      return readMnemonicOrNumber(t, { NOTIFY: 1 }, U8);
    case 'no-text':
      return { problem: { message: 'syntax error', token: t } };
    case 'x25': {
      const r = readCharString(t.text, t.quoted);
      if (r.error !== undefined || r.value.length < 4) return { problem: { message: 'syntax error', token: t } };
      return /^\d+$/.test(r.value) ? { value: r.value, used: 1 } : { problem: { message: 'out of range', token: t } };
    }
    case 'string-opt': {
      if (!t) return { value: undefined, used: 0 };
      const r = readCharString(t.text, t.quoted);
      if (r.error !== undefined) return { problem: { message: 'syntax error', token: t } };
      return r.value.length > 255 ? { problem: { message: 'syntax error', token: t, kind: 'txt-too-long' } } : { value: r.value, used: 1 };
    }
    case 'wks-proto': {
      if (t.quoted) return { problem: { message: 'unexpected token', token: t } };
      const code = /^\d+$/.test(t.text) ? Number(t.text) : PROTOCOLS[t.text.toLowerCase()];
      if (code === undefined) return { problem: { message: 'unknown protocol', token: t } };
      return code > 255 ? { problem: { message: 'out of range', token: t } } : { value: code, used: 1 };
    }
    case 'wks-services': {
      const proto = previous[1]?.value as number;
      const known = proto === 6 ? SERVICES.tcp : proto === 17 ? SERVICES.udp : SERVICES.any;
      for (let k = i; k < tokens.length; k++) {
        const s = tokens[k];
        if (s.quoted) return { problem: { message: 'unexpected token', token: s } };
        if (/^\d+$/.test(s.text)) {
          if (Number(s.text) > 65535) return { problem: { message: 'out of range', token: s } };
        } else if (!known.has(s.text.toLowerCase())) return { problem: { message: 'unknown service', token: s } };
      }
      return { value: undefined, used: tokens.length - i };
    }
    case 'rkey-flags': {
      const r = readKeyFlags(t);
      return 'problem' in r || r.value === 0 ? r : { problem: { message: 'FORMERR', token: t } };
    }
    case 'time14': {
      const r = t.text.length === 14 ? readSigTime(t.text) : { error: 'syntax error' };
      return r.error !== undefined ? { problem: { message: 'syntax error', token: t } } : { value: r.value, used: 1 };
    }
    case 'key-data':
      return readKeyData(tokens, i, previous, read);
    case 'a6':
      return readA6(tokens, i, ctx);
    case 'hip':
      return readHip(tokens, i, ctx);
    case 'amtrelay':
      return readAmtrelay(tokens, i, ctx);
    case 'atma':
      return readAtma(t);
    case 'nxt-types': {
      const codes: number[] = [];
      for (let k = i; k < tokens.length; k++) {
        const u = tokens[k];
        const code = /^\d+$/.test(u.text) ? Number(u.text) : ctx.typeCode(u.text);
        if (code === undefined) return { problem: { message: 'unknown class/type', token: u } };
        if (code < 1 || code > 127) return { problem: { message: 'out of range', token: u } };
        codes.push(code);
      }
      return { value: codes, used: tokens.length - i };
    }
    case 'doa-data': {
      if (t.text === '-') return { value: new Uint8Array(0), used: 1 };
      const r = readBase64(joinRest(tokens, i));
      return r.error !== undefined ? { problem: { message: r.error } } : { value: r.value, used: tokens.length - i };
    }
    case 'keyflags':
      return readKeyFlags(t);
    case 'naptr-regexp': {
      const r = readCharString(t.text, t.quoted);
      if (r.error !== undefined || r.value.length > 255) return { problem: { message: 'syntax error', token: t } };
      return validNaptrRegexp(r.value) ? { value: r.value, used: 1 } : { problem: { message: 'syntax error' } };
    }
  }
}

const serviceSet = (names: string) => new Set(names.split(' '));
/** What getservbyname(name, proto) finds for WKS: per protocol, or any for other protocols. */
const SERVICES = { tcp: serviceSet(WKS_SERVICES.tcp), udp: serviceSet(WKS_SERVICES.udp), any: serviceSet(`${WKS_SERVICES.tcp} ${WKS_SERVICES.udp}`) };

/** BIND dns_keyflags_fromtext mnemonics (RFC 2535 §3.1.2 names). */
const KEY_FLAGS: Record<string, number> = { NOCONF: 0x4000, NOAUTH: 0x8000, NOKEY: 0xc000, FLAG2: 0x2000, EXTEND: 0x1000, FLAG4: 0x0800, FLAG5: 0x0400, USER: 0, ZONE: 0x0100, HOST: 0x0200, NTYP3: 0x0300, FLAG8: 0x0080, FLAG9: 0x0040, FLAG10: 0x0020, FLAG11: 0x0010, ...Object.fromEntries(Array.from({ length: 16 }, (_, k) => [`SIG${k}`, k])), KSK: 0x0001, REVOKE: 0x0080 };

/** Key flags as BIND reads them: decimal, else hex (`0x101`, `1a`), else `ZONE|SIG0` mnemonics. */
function readKeyFlags(t: Token): Step {
  const text = t.text;
  if (/^\d/.test(text)) {
    const dec = /^\d+$/.test(text) ? Number(text) : /^(0[xX])?[0-9A-Fa-f]+$/.test(text) ? parseInt(text.replace(/^0[xX]/, ''), 16) : NaN;
    if (Number.isNaN(dec)) return { problem: { message: 'not a valid number', token: t } };
    return dec > U16 ? { problem: { message: 'out of range', token: t } } : { value: dec, used: 1 };
  }
  let value = 0;
  for (const part of text.split('|')) {
    const name = Object.keys(KEY_FLAGS).find((k) => part !== '' && k.startsWith(part.toUpperCase()) && k.length >= part.length);
    if (name === undefined) return { problem: { message: 'unknown flag', token: t } };
    value |= KEY_FLAGS[name];
  }
  return { value, used: 1 };
}

/** getprotobyname() names of /etc/protocols that WKS records use. */
const PROTOCOLS: Record<string, number> = { ip: 0, icmp: 1, igmp: 2, ggp: 3, ipencap: 4, st: 5, tcp: 6, egp: 8, igp: 9, pup: 12, udp: 17, hmp: 20, 'xns-idp': 22, rdp: 27, 'iso-tp4': 29, dccp: 33, xtp: 36, ddp: 37, 'idpr-cmtp': 38, ipv6: 41, 'ipv6-route': 43, 'ipv6-frag': 44, idrp: 45, rsvp: 46, gre: 47, esp: 50, ah: 51, skip: 57, 'ipv6-icmp': 58, 'ipv6-nonxt': 59, 'ipv6-opts': 60, rspf: 73, vmtp: 81, eigrp: 88, ospf: 89, 'ax.25': 93, ipip: 94, etherip: 97, encap: 98, pim: 103, ipcomp: 108, vrrp: 112, l2tp: 115, isis: 124, sctp: 132, fc: 133, 'mobility-header': 135, udplite: 136, 'mpls-in-ip': 137, manet: 138, hip: 139, shim6: 140, wesp: 141, rohc: 142, ethernet: 143 };

/** NAPTR regexp (BIND txt_valid_regex): empty, or delim ERE delim replacement delim [i]. */
export function validNaptrRegexp(text: string): boolean {
  if (text === '') return true;
  const delim = text[0];
  if (/[0-9\\i\0]/.test(delim)) return false;
  let ere = '';
  let part = 0;
  let backref = 0;
  for (let k = 1; k < text.length; k++) {
    const c = text[k];
    if (c === '\0') return false;
    if (c === delim && part < 2) {
      part++;
      continue;
    }
    if (c === delim) return false;
    if (part === 2) {
      if (c !== 'i') return false;
      continue;
    }
    if (part === 0) ere += c;
    if (c === '\\') {
      const next = text[++k];
      if (next === undefined || next === '\0') return false;
      if (part === 1) {
        if (next === '0') return false;
        if (next >= '1' && next <= '9') backref = Math.max(backref, Number(next));
      } else ere += next;
    }
  }
  if (part < 2) return false;
  const groups = ereGroups(ere);
  return groups >= 0 && backref <= groups;
}

/** Subexpressions of a POSIX ERE, or -1 when it does not compile (isc_regex_validate). */
function ereGroups(ere: string): number {
  let groups = 0;
  let depth = 0;
  for (let k = 0; k < ere.length; k++) {
    const c = ere[k];
    if (c === '\\') k++;
    else if (c === '[') {
      let j = k + 1;
      if (ere[j] === '^') j++;
      if (ere[j] === ']') j++;
      while (j < ere.length && ere[j] !== ']') j++;
      if (j >= ere.length) return -1;
      k = j;
    } else if (c === '(') {
      groups++;
      depth++;
    } else if (c === ')') {
      if (depth === 0) return -1;
      depth--;
    }
  }
  if (depth !== 0) return -1;
  try {
    new RegExp(ere);
  } catch {
    return -1;
  }
  return groups;
}

/** KEY/KEYDATA key material: absent for "no key" flags (0xC000), else base64 required. */
function readKeyData(tokens: Token[], i: number, previous: FieldValue[], read: number): Step {
  const flagsAt = read - 3;
  const flags = previous[flagsAt]?.value as number;
  const placeholder = flags === 0 && previous[flagsAt + 1]?.value === 0 && previous[flagsAt + 2]?.value === 0;
  const noKey = (flags & 0xc000) === 0xc000;
  if (noKey || (placeholder && read > 3)) return tokens[i] ? { problem: { message: 'extra input text', token: tokens[i] } } : { value: new Uint8Array(0), used: 0 };
  if (!tokens[i]) return { problem: { message: 'unexpected end of input' } };
  const r = readBase64(joinRest(tokens, i));
  return r.error !== undefined ? { problem: { message: r.error } } : { value: r.value, used: tokens.length - i };
}

/** A6 (RFC 2874): prefix length 0-128, address suffix unless 128, prefix name unless 0. */
function readA6(tokens: Token[], i: number, ctx: ReadContext): Step {
  const eol: Step = { problem: { message: 'unexpected end of input' } };
  const p = tokens[i];
  if (!p) return eol;
  const len = readUint(p.text, U32);
  if (len.error !== undefined) return { problem: { message: len.error, token: p } };
  if (len.value > 128) return { problem: { message: 'out of range', token: p } };
  let k = i + 1;
  if (len.value !== 128) {
    const a = tokens[k++];
    if (!a) return eol;
    if (!isIpv6(a.text)) return { problem: { message: 'bad IPv6 address', token: a } };
  }
  if (len.value !== 0) {
    const n = tokens[k++];
    if (!n) return eol;
    const r = parseName(n.text, ctx.origin);
    if (r.error !== undefined) return { problem: { message: r.error, token: n } };
  }
  return { value: undefined, used: k - i };
}

/** HIP (RFC 8005): algorithm, HIT (hex), public key (base64), rendezvous servers. */
function readHip(tokens: Token[], i: number, ctx: ReadContext): Step {
  const [alg, hit, key] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (!alg) return { problem: { message: 'unexpected end of input' } };
  const a = num(alg, U8);
  if ('problem' in a) return a;
  if (!hit) return { problem: { message: 'unexpected end of input' } };
  const h = readHex(hit.text);
  if (h.error !== undefined) return { problem: { message: h.error, token: hit } };
  if (h.value.length > 255) return { problem: { message: 'out of range', token: hit } };
  if (!key) return { problem: { message: 'unexpected end of input' } };
  const b = readBase64(key.text);
  if (b.error !== undefined) return { problem: { message: b.error, token: key } };
  for (let k = i + 3; k < tokens.length; k++) {
    const r = parseName(tokens[k].text, ctx.origin);
    if (r.error !== undefined) return { problem: { message: r.error, token: tokens[k] } };
  }
  if (h.value.length === 0 || b.value.length === 0) return { problem: { message: 'FORMERR' } };
  return { value: undefined, used: tokens.length - i };
}

/** AMTRELAY (RFC 8777): precedence, discovery 0/1, type 0-3 (up to 127 parse), relay. */
function readAmtrelay(tokens: Token[], i: number, ctx: ReadContext): Step {
  const eol: Step = { problem: { message: 'unexpected end of input' } };
  const limits = [U8, 1, 0x7f];
  const nums: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = tokens[i + k];
    if (!t) return eol;
    const r = num(t, limits[k]);
    if ('problem' in r) return r;
    nums.push(r.value as number);
  }
  const g = tokens[i + 3];
  if (!g) return eol;
  const type = nums[2];
  if (type > 3) return { problem: { message: 'not implemented' } };
  if (type === 0 && g.text !== '.') return { problem: { message: 'syntax error', token: g } };
  if (type === 1 && !isDottedQuad(g.text)) return { problem: { message: 'bad dotted quad', token: g } };
  if (type === 2 && !isIpv6(g.text)) return { problem: { message: 'bad IPv6 address', token: g } };
  if (type === 3) {
    const r = parseName(g.text, ctx.origin);
    if (r.error !== undefined) return { problem: { message: r.error, token: g } };
  }
  return { value: undefined, used: 4 };
}

/** ATMA (ATM Forum): AESA hex digits with single dots, or E.164 `+digits`. */
function readAtma(t: Token): Step {
  const s = t.text;
  if (s.length < 1) return { problem: { message: 'unexpected end of input', token: t } };
  if (s[0] === '+') {
    if (s.length === 1) return { problem: { message: 'unexpected end of input', token: t } };
    return /^\+[\d.]+$/.test(s) ? { value: s, used: 1 } : { problem: { message: 'bad escape', token: t } };
  }
  let digits = 0;
  let lastDot = true;
  for (const c of s) {
    if (c === '.') {
      if (lastDot) return { problem: { message: 'syntax error', token: t } };
      lastDot = true;
      continue;
    }
    if (!/[0-9A-Fa-f]/.test(c)) return { problem: { message: 'syntax error', token: t } };
    digits++;
    lastDot = false;
  }
  return digits % 2 !== 0 || digits === 0 || lastDot ? { problem: { message: 'unexpected end of input', token: t } } : { value: s, used: 1 };
}

/**
 * Reads all fields of a record's RDATA; returns the values or the first problem (BIND
 * stops at the first one too). Extra tokens are "extra input text".
 */
export function readRdata(fields: FieldSpec[], tokens: Token[], ctx: ReadContext): { values: FieldValue[]; problem?: RdataProblem } {
  // Sized once: the first push onto [] reserves 17 slots (~150 bytes a record of a big zone).
  const values: FieldValue[] = new Array(fields.length);
  let i = 0;
  for (let f = 0; f < fields.length; f++) {
    const spec = fields[f];
    const step = readField(spec, tokens, i, ctx, values, f);
    if ('problem' in step) {
      values.length = f;
      return { values, problem: step.problem };
    }
    // Most fields are one token: an array literal, not a slice() call.
    values[f] = { spec, tokens: step.used === 1 ? [tokens[i]] : tokens.slice(i, i + step.used), value: step.value, relative: step.relative };
    i += step.used;
  }
  if (i < tokens.length) return { values, problem: { message: 'extra input text', token: tokens[i] } };
  return { values };
}

/** Octets a field takes in wire form; `undefined` length means "the rest". */
function wireStep(kind: FieldKind, wire: Uint8Array, at: number, previous: number[]): number | 'formerr' | 'end' | 'range' | 'extra' {
  const left = wire.length - at;
  const fixed: Partial<Record<FieldKind, number>> = { u8: 1, u16: 2, u32: 4, ttl: 4, ipv4: 4, ipv6: 16, time: 4, time14: 4, type: 2, alg: 1, 'cert-type': 2, eui48: 6, eui64: 8, l64: 8, 'dsync-scheme': 1, 'wks-proto': 1 };
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
    case 'svcparams':
    case 'nsap':
      return left;
    case 'apl': {
      let p = at;
      while (p < wire.length) {
        if (wire.length - p < 4) return 'end';
        const afi = (wire[p] << 8) | wire[p + 1];
        const prefix = wire[p + 2];
        const len = wire[p + 3] & 0x7f;
        p += 4;
        if (len > wire.length - p) return 'end';
        if ((afi === 1 && (prefix > 32 || len > 4)) || (afi === 2 && (prefix > 128 || len > 16))) return 'range';
        if (len > 0 && wire[p + len - 1] === 0) return 'formerr';
        p += len;
      }
      return p - at;
    }
    case 'keyflags':
      return left < 2 ? 'end' : 2;
    case 'rkey-flags':
      return left < 2 ? 'end' : wire[at] !== 0 || wire[at + 1] !== 0 ? 'formerr' : 2;
    case 'atma':
      return left < 2 ? 'end' : left;
    case 'key-data': {
      const flags = previous[previous.length - 3];
      if (flags >= 0 && (flags & 0xc000) === 0xc000) return left > 0 ? 'extra' : 0;
      return left < 1 ? 'end' : left;
    }
    case 'a6': {
      if (left < 1) return 'end';
      const prefix = wire[at];
      if (prefix > 128) return 'range';
      let p = at + 1;
      if (prefix !== 128) {
        const octets = 16 - Math.floor(prefix / 8);
        if (wire.length - p < octets) return 'end';
        if ((wire[p] & ~(0xff >> prefix % 8)) !== 0) return 'formerr';
        p += octets;
      }
      if (prefix === 0) return p - at;
      const n = wireStep('name', wire, p, previous);
      return typeof n === 'number' ? p + n - at : n;
    }
    case 'amtrelay': {
      if (left < 2) return 'end';
      const type = wire[at + 1] & 0x7f;
      const want = type === 0 ? 2 : type === 1 ? 6 : type === 2 ? 18 : undefined;
      if (want !== undefined) return left === want ? left : 'formerr';
      if (type === 3) {
        const n = wireStep('name', wire, at + 2, previous);
        return typeof n === 'number' ? 2 + n : n;
      }
      return left;
    }
    case 'string-opt':
      if (left === 0) return 0;
      return wireStep('string', wire, at, previous);
    case 'hip': {
      if (left < 4 || wire[at] === 0 || ((wire[at + 2] << 8) | wire[at + 3]) === 0 || 4 + wire[at] + ((wire[at + 2] << 8) | wire[at + 3]) > left) return 'formerr';
      let p = at + 4 + wire[at] + ((wire[at + 2] << 8) | wire[at + 3]);
      while (p < wire.length) {
        const n = wireStep('name', wire, p, previous);
        if (typeof n !== 'number') return n;
        p += n;
      }
      return p - at;
    }
    case 'x25':
    case 'naptr-regexp':
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
      if (left < 1) return 'end';
      if (wire[at] !== 0) return left; // another version: BIND keeps it as unknown data
      if (left < 16) return 'end';
      for (let k = 1; k <= 3; k++) {
        const c = wire[at + k];
        if (c !== 0 && ((c & 0xf) > 9 || c >> 4 > 9 || c >> 4 === 0)) return 'formerr';
      }
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

/** Field lists of the types whose RDATA may be empty (`\\# 0`), per named-checkzone (bindTypes.ts). */
export const EMPTY_WIRE_OK = new WeakSet<FieldSpec[]>();
/** Field lists of the types whose RFC 3597 octets BIND takes as they are (KEYDATA). */
export const ANY_WIRE_OK = new WeakSet<FieldSpec[]>();

/** Checks RFC 3597 octets against a known type's fields (BIND decodes and re-checks them). */
export function checkWire(fields: FieldSpec[], wire: Uint8Array): string | undefined {
  if ((wire.length === 0 && EMPTY_WIRE_OK.has(fields)) || ANY_WIRE_OK.has(fields)) return undefined;
  let at = 0;
  const numbers: number[] = [];
  for (const spec of fields) {
    const step = wireStep(spec.kind, wire, at, numbers);
    if (step === 'end') return 'unexpected end of input';
    if (step === 'formerr') return 'FORMERR';
    if (step === 'range') return 'out of range';
    if (step === 'extra') return 'extra input data';
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

/** /^[A-Za-z0-9]+$/ as a scan (every CAA record's tag). */
function isAlphanumeric(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}
