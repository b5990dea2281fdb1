// Address literals as the resolvers read them: IPv4 through inet_aton (legacy forms such as
// `10.1`, `0x0a000001` and `012.0.0.1` are valid), IPv6 through inet_pton, printed back the
// way inet_ntop does (that is what `_res` shows and what the DNS client connects to).

/** inet_aton_exact: the whole token must be an IPv4 address (glibc resolv/inet_addr.c). */
export function parseIPv4(token: string): number | undefined {
  const parts: number[] = [];
  let i = 0;
  const n = token.length;
  for (;;) {
    if (i >= n || !isDigit(token.charCodeAt(i))) return undefined;
    let base = 10;
    let value = 0;
    let sawDigit = false;
    if (token[i] === '0') {
      i++;
      if (token[i] === 'x' || token[i] === 'X') {
        base = 16;
        i++;
      } else {
        base = 8;
        sawDigit = true;
      }
    }
    for (; i < n; i++) {
      const c = token.charCodeAt(i);
      let d: number;
      if (isDigit(c)) d = c - 48;
      else if (base === 16 && isHex(c)) d = (c | 32) - 87;
      else break;
      if (base === 8 && d > 7) return undefined;
      value = value * base + d;
      if (value > 0xffffffff) return undefined;
      sawDigit = true;
    }
    if (i < n && token[i] === '.') {
      if (parts.length > 2 || value > 0xff) return undefined;
      parts.push(value);
      i++;
      continue;
    }
    if (i !== n || !sawDigit) return undefined;
    const max = [0xffffffff, 0xffffff, 0xffff, 0xff][parts.length];
    if (value > max) return undefined;
    let result = value;
    for (let p = 0; p < parts.length; p++) result += parts[p] * 2 ** (8 * (3 - p));
    return result;
  }
}

export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** The classful mask glibc's sortlist uses when none is given (res_init.c net_mask). */
export function classfulMask(value: number): number {
  if (value >>> 31 === 0) return 0xff000000;
  if (value >>> 30 === 2) return 0xffff0000;
  return 0xffffff00;
}

/** inet_pton(AF_INET6): eight 16-bit groups, one `::`, an optional dotted-quad tail. */
export function parseIPv6(text: string): number[] | undefined {
  if (text.length === 0 || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0], halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1], true) : [];
  if (!head || !tail) return undefined;
  const total = head.length + tail.length;
  if (halves.length === 1) return total === 8 ? head : undefined;
  if (total > 7) return undefined;
  return [...head, ...new Array<number>(8 - total).fill(0), ...tail];
}

/** Colon-separated hex groups; the last one may be a dotted quad when it ends the address. */
function parseGroups(text: string, endsAddress: boolean): number[] | undefined {
  if (text === '') return [];
  const pieces = text.split(':');
  const groups: number[] = [];
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    if (endsAddress && p === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseDottedQuad(piece);
      if (v4 === undefined) return undefined;
      groups.push(v4 >>> 16, v4 & 0xffff);
    } else if (piece.length >= 1 && piece.length <= 4 && /^[0-9a-fA-F]+$/.test(piece)) groups.push(parseInt(piece, 16));
    else return undefined;
  }
  return groups;
}

/** inet_pton's strict IPv4: four decimal parts, no leading zeros. */
function parseDottedQuad(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
    value = value * 256 + Number(p);
  }
  return value;
}

/** inet_ntop(AF_INET6): the longest run of two or more zero groups becomes `::`. */
export function formatIPv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestLength < 2) bestStart = -1;
  if (bestStart === 0 && (bestLength === 6 || (bestLength === 5 && groups[5] === 0xffff))) {
    const v4 = formatIPv4(groups[6] * 65536 + groups[7]);
    return bestLength === 6 ? `::${v4}` : `::ffff:${v4}`;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLength - 1;
      continue;
    }
    if (out !== '' && !out.endsWith(':')) out += ':';
    out += groups[i].toString(16);
  }
  return out;
}

export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
