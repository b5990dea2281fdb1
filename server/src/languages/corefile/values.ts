// Value grammars CoreDNS's setup code applies, re-stated from Go's standard library and
// miekg/dns: time.ParseDuration, strconv.Atoi/ParseUint/ParseFloat, net.ParseIP/ParseCIDR,
// dns.IsDomainName, net.SplitHostPort. Pure functions, no regex backtracking hazards.

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds; undefined when Go would reject the text. */
export function parseGoDuration(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  let i = 0;
  while (i < s.length) {
    const numStart = i;
    while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
    const intPart = s.slice(numStart, i);
    let frac = '';
    if (s[i] === '.') {
      i++;
      const f = i;
      while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
      frac = s.slice(f, i);
    }
    if (intPart === '' && frac === '') return undefined;
    const unitStart = i;
    while (i < s.length && !(s[i] >= '0' && s[i] <= '9') && s[i] !== '.') i++;
    const unit = DURATION_UNITS[s.slice(unitStart, i)];
    if (unit === undefined) return undefined;
    total += Number(`${intPart || '0'}.${frac || '0'}`) * unit;
  }
  return sign * total;
}

/** Go's strconv.Atoi (64-bit): optional sign and decimal digits only. */
export function parseGoInt(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  return Math.abs(n) <= 9223372036854775807 ? n : undefined;
}

/** strconv.ParseUint(text, 10, bits). */
export function parseGoUint(text: string, bits = 64): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 2 ** bits - 1 ? n : undefined;
}

/** strconv.ParseFloat(text, 64) for the decimal forms people write (and Inf/NaN). */
export function parseGoFloat(text: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[+-]?([0-9][0-9_]*\.?[0-9_]*|\.[0-9][0-9_]*)([eE][+-]?[0-9]+)?$/.test(text)) return undefined;
  return Number(text.replace(/_/g, ''));
}

/** strconv.ParseBool. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** net.ParseIP for IPv4 dotted decimal: four parts 0..255, no leading zeros. */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    out.push(v);
  }
  return out;
}

/** net.ParseIP for IPv6 (with an optional embedded IPv4 tail), as 16 bytes. */
export function parseIPv6(text: string): number[] | undefined {
  if (!text.includes(':')) return undefined;
  let s = text;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !rest) return undefined;
  const total = head.length + rest.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const words = [...head, ...Array(8 - total).fill(0), ...rest];
  const bytes = words.flatMap((w) => [w >> 8, w & 255]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

export function isIP(text: string): boolean {
  return parseIPv4(text) !== undefined || parseIPv6(text) !== undefined;
}

export interface Cidr {
  bytes: number[];
  bits: number;
  v6: boolean;
}

/** net.ParseCIDR: "ip/len" with len within the address family's size. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = text.slice(0, slash);
  const len = text.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(len) || (len.length > 1 && len[0] === '0')) return undefined;
  const v4 = parseIPv4(ip);
  const bytes = v4 ?? parseIPv6(ip);
  if (!bytes) return undefined;
  const bits = Number(len);
  if (bits > bytes.length * 8) return undefined;
  return { bytes, bits, v6: !v4 };
}

/** miekg/dns IsDomainName: non-empty, no empty labels, labels < 64 octets, name <= 255. */
export function isDomainName(name: string): boolean {
  if (name === '') return false;
  const s = name.endsWith('.') && !name.endsWith('\\.') ? name : `${name}.`;
  let off = 0;
  let begin = 0;
  let wasDot = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      if (/^[0-9]{3}/.test(s.slice(i + 1, i + 4))) {
        i += 3;
        begin += 3;
      } else {
        i++;
        begin++;
      }
      wasDot = false;
    } else if (c === '.') {
      if (i === 0 && s.length > 1) return false;
      if (wasDot) return false;
      wasDot = true;
      const labelLen = i - begin;
      if (labelLen >= 64) return false;
      off += 1 + labelLen;
      if (off > 256) return false;
      begin = i + 1;
    } else wasDot = false;
  }
  return true;
}

/** dns.Fqdn + lower case: what plugin.Name(x).Normalize() returns. */
export function normalizeName(name: string): string {
  return (name.endsWith('.') ? name : `${name}.`).toLowerCase();
}

/** net.SplitHostPort: "host:port", "[v6]:port"; undefined when Go would reject it. */
export function splitHostPort(text: string): { host: string; port: string } | undefined {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0 || text[close + 1] !== ':') return undefined;
    return { host: text.slice(1, close), port: text.slice(close + 2) };
  }
  const colon = text.lastIndexOf(':');
  if (colon < 0) return undefined;
  const host = text.slice(0, colon);
  if (host.includes(':')) return undefined; // too many colons
  return { host, port: text.slice(colon + 1) };
}

export function isPort(text: string): boolean {
  const n = parseGoUint(text);
  return n !== undefined && n <= 65535;
}

/** Human form of milliseconds for messages: 300000 -> "5m0s" style is overkill; "300s". */
export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
