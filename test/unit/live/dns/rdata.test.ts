import assert from 'node:assert/strict';
import test from 'node:test';
import { presentRdata, quoteText } from '../../../../server/src/live/dns/rdata';

/** The presentation dig gives a <character-string>, byte by byte (the reference for quoteText). */
function slowQuote(bytes: Buffer): string {
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += '\\' + String.fromCharCode(b);
    else if (b < 0x20 || b > 0x7e) out += '\\' + String(b).padStart(3, '0');
    else out += String.fromCharCode(b);
  }
  return out + '"';
}

test('TXT rdata: each character-string quoted and escaped as dig prints it, for random strings', () => {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    const strings = Array.from({ length: 1 + rand(4) }, () => {
      const plain = rand(2) === 0;
      return Buffer.from(Array.from({ length: rand(80) }, () => (plain ? 0x20 + rand(95) : rand(256))));
    });
    const rdata = Buffer.concat(strings.flatMap((s) => [Buffer.from([s.length]), s]));
    const msg = Buffer.concat([Buffer.alloc(5), Buffer.from([rdata.length >> 8, rdata.length & 255]), rdata]);
    const text = presentRdata(16, msg, 7, rdata.length).text;
    assert.equal(text, strings.map(slowQuote).join(' '));
    for (const s of strings) assert.equal(quoteText(s), slowQuote(s));
  }
});

test('a TXT character-string past the rdata is the error dns-packet gave; empty TXT rdata is refused', () => {
  const msg = Buffer.from([0, 4, 5, 0x61, 0x62, 0x63, 0x64, 0x65]); // says 5 bytes, 3 left in a 4-byte rdata
  assert.throws(() => presentRdata(16, msg, 2, 4), /^Error: Buffer overflow$/);
  assert.throws(() => presentRdata(16, Buffer.from([0, 0]), 2, 0), /TXT rdata is empty/);
});
