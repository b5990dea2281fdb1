// named's fromtext checks beyond field syntax, each with a record named-checkzone 9.18
// rejects (our error on it, in named's wording) and the nearest one it accepts.

import assert from 'node:assert/strict';
import test from 'node:test';
import { lint } from '../../../helpers';
import { zoneWith } from './zoneText';

const hex = (octets: number) => 'ab'.repeat(octets);
const b32 = (symbols: number) => '0'.repeat(symbols);

const CASES: Array<{ what: string; bad: string; message: RegExp; good: string }> = [
  { what: 'DS SHA-256 digest of 31 octets', bad: `d DS 1 8 2 ${hex(31)}`, message: /unexpected end of input/, good: `d DS 1 8 2 ${hex(32)}` },
  { what: 'DS SHA-1 digest of 21 octets', bad: `d DS 1 8 1 ${hex(21)}`, message: /bad hex encoding/, good: `d DS 1 8 1 ${hex(20)}` },
  { what: 'DS SHA-384 digest of 32 octets', bad: `d DS 1 8 4 ${hex(32)}`, message: /unexpected end of input/, good: `d DS 1 8 4 ${hex(48)}` },
  { what: 'SSHFP SHA-256 fingerprint of 20 octets', bad: `h SSHFP 4 2 ${hex(20)}`, message: /unexpected end of input/, good: `h SSHFP 4 2 ${hex(32)}` },
  { what: 'NSEC3 SHA-1 next hashed owner of 19 octets', bad: `${b32(32)} NSEC3 1 0 0 - ${b32(31)} A`, message: /out of range/, good: `${b32(32)} NSEC3 1 0 0 - ${b32(32)} A` },
  { what: 'base32hex with spare bits set', bad: `${b32(32)} NSEC3 2 0 0 - ${b32(22)}h A`, message: /bad base32 encoding/, good: `${b32(32)} NSEC3 2 0 0 - ${b32(22)}g A` },
  { what: 'NAPTR regexp back-reference beyond the groups', bad: 'n NAPTR 1 1 "U" "E2U+sip" "!^(.*)$!\\\\2!" .', message: /syntax error/, good: 'n NAPTR 1 1 "U" "E2U+sip" "!^(.*)$!\\\\1!" .' },
  { what: 'NAPTR regexp flag other than i', bad: 'n NAPTR 1 1 "U" "E2U+sip" "!^.*$!sip:a@b!x" .', message: /syntax error/, good: 'n NAPTR 1 1 "U" "E2U+sip" "!^.*$!sip:a@b!i" .' },
  { what: 'SvcParam key with leading zeros', bad: 'h HTTPS 1 . key00997=x', message: /syntax error/, good: 'h HTTPS 1 . key997=x' },
  { what: 'SvcParam key over 65535', bad: 'h HTTPS 1 . key65536=x', message: /out of range/, good: 'h HTTPS 1 . key65535=x' },
  { what: 'known key in another case read as wire data', bad: 'h HTTPS 1 . ALPN=h2', message: /FORMERR/, good: 'h HTTPS 1 . Port=53' },
  { what: 'mandatory key that is absent', bad: 'h HTTPS 1 . mandatory=port alpn=h2', message: /inconsistent resource record/, good: 'h HTTPS 1 . mandatory=alpn alpn=h2' },
  { what: 'mandatory listing itself', bad: 'h HTTPS 1 . mandatory=mandatory alpn=h2', message: /disallowed/, good: 'h HTTPS 1 . mandatory=ALPN alpn=h2' },
  { what: 'RRSIG signer with more labels than the labels field', bad: 'r RRSIG A 8 2 300 20300101000000 20200101000000 1 a.example.com. AA==', message: /out of range/, good: 'r RRSIG A 8 3 300 20300101000000 20200101000000 1 a.example.com. AA==' },
  { what: 'IPSECKEY gateway type 4', bad: 'k IPSECKEY 10 4 2 . AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==', message: /out of range/, good: 'k IPSECKEY 10 0 2 . AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==' },
  { what: 'RKEY flags other than 0', bad: 'k RKEY 256 3 8 AQNR', message: /FORMERR/, good: 'k RKEY 0 3 8 AQNR' },
  { what: 'KEY with "no key" flags and key data', bad: 'k KEY 0xC000 3 8 AQNR', message: /extra input text/, good: 'k KEY 0xC000 3 8' },
  { what: 'X25 address with a letter', bad: 'x X25 "1234a"', message: /out of range/, good: 'x X25 "311061700956"' },
  { what: 'WKS service unknown for udp', bad: 'w WKS 192.0.2.1 udp smtp', message: /unknown service/, good: 'w WKS 192.0.2.1 tcp smtp' },
  { what: 'NXT beside a CNAME', bad: 'x CNAME a.example.net.\nx NXT z.example.com. CNAME SIG NXT', message: /CNAME and other data/, good: 'x CNAME a.example.net.\nx SIG CNAME 1 3 300 20040530021915 20040430021915 47799 example.com. L3IOluq+kboBd2gR2Mu54uJKCUzfmyHRiWKl' },
  { what: 'RFC 3597 length that is not a number (TXT reads "\\#" "-1" as text, SPF does not)', bad: 's SPF \\# -1', message: /not a valid number/, good: 't TXT \\# -1' },
  { what: 'RFC 3597 form in TXT with a length', bad: 't TXT \\# 1', message: /unexpected end of input/, good: 't TXT \\# 2 0161' },
  { what: 'RFC 3597 empty RDATA for A', bad: 'a A \\# 0', message: /unexpected end of input/, good: 'a NULL \\# 0' },
];

for (const c of CASES) {
  test(`named's check: ${c.what}`, async () => {
    const bad = (await lint('zone', zoneWith(c.bad))).filter((f) => f.severity === 'error');
    assert.ok(bad.some((f) => c.message.test(f.message)), `no error matching ${c.message} on ${c.bad}: ${JSON.stringify(bad.map((f) => f.message))}`);
    const good = (await lint('zone', zoneWith(c.good))).filter((f) => f.severity === 'error');
    assert.deepEqual(good.map((f) => f.message), []);
  });
}
