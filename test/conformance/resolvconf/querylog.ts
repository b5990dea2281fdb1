// What the shared harness's querylog.py writes for a query: "NAME. TYPE" for a well-formed
// one. musl 1.2.3 encodes a name ending in two dots (`search .`) into a broken packet; this
// rebuilds that packet (its __res_mkquery) and decodes it the way querylog.py does.

/** The line querylog.py logs for one query we predict. */
export function loggedLine(name: string, type: 'A' | 'AAAA', malformed: boolean): string {
  if (!malformed) return `${name} ${type}`;
  const packet = muslQueryPacket(name, type === 'A' ? 1 : 28);
  const labels: string[] = [];
  let i = 12;
  while (i < packet.length && packet[i]) {
    labels.push(Array.from(packet.subarray(i + 1, i + 1 + packet[i]), (b) => (b < 128 ? String.fromCharCode(b) : '\ufffd')).join(''));
    i += 1 + packet[i];
  }
  const qtypeBytes = packet.subarray(i + 1, i + 3);
  const qtype = qtypeBytes.reduce((a, b) => a * 256 + b, 0);
  const names: Record<number, string> = { 1: 'A', 28: 'AAAA' };
  return `${labels.join('.')}. ${names[qtype] ?? qtype}`;
}

/** Python's str.splitlines(), which build-cases.py used to read the log back. */
export function pythonSplitlines(text: string): string[] {
  return text.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/).filter((l, i, all) => l !== '' || i < all.length - 1);
}

/** musl 1.2.3's __res_mkquery: strips one trailing dot, then turns each '.' it reaches into a length. */
function muslQueryPacket(dname: string, type: number): Uint8Array {
  let l = dname.length;
  if (l && dname[l - 1] === '.') l--;
  const n = 17 + l + (l ? 1 : 0);
  const q = new Uint8Array(n);
  q[2] = 1;
  q[5] = 1;
  for (let k = 0; k < l; k++) q[13 + k] = dname.charCodeAt(k);
  let i = 13;
  while (q[i]) {
    let j = i;
    while (q[j] && q[j] !== 46) j++;
    q[i - 1] = j - i;
    i = j + 1;
  }
  q[i + 1] = type;
  q[i + 3] = 1;
  return q;
}
