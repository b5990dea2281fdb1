// dns-packet as a second check: every record of the corpus that named-checkzone accepts
// and dns-packet can encode round-trips to the same fields we read.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../server/src/core/settings';
import { parseZone } from '../../../../server/src/languages/zone/parser';
import { canRoundTrip, roundTrip } from '../../../../server/src/languages/zone/roundTrip';
import { lint, ruleIds, sharedDir } from '../../../helpers';
import { zoneWith } from './zoneText';

const ctx = { uri: 'file:///z/test', settings: { ...DEFAULT_SETTINGS, zone: { origin: 'example.com.' } } };

test('common records round-trip through dns-packet unchanged', () => {
  const ast = parseZone(
    zoneWith(
      [
        '@ MX 10 mail',
        '@ TXT "v=spf1 -all" "second"',
        '_sip._tcp SRV 10 60 5060 sip',
        '@ CAA 0 issue "letsencrypt.org"',
        'sub DS 12345 13 2 49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE4F6ACD4F2B4D8A21A4B7B6C4',
        '_443._tcp TLSA 3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6',
        'host SSHFP 4 2 123456789abcdef67890123456789abcdef67890123456789abcdef123456789',
        'v6 AAAA 2001:db8::1',
        '@ HINFO "PC" "Linux"',
        'n NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .',
      ].join('\n'),
    ),
    ctx,
  );
  let checked = 0;
  for (const r of ast.records) {
    const result = roundTrip(r);
    if (!result) continue;
    checked++;
    assert.deepEqual(result, {}, `${r.type} ${r.rdata.map((t) => t.text).join(' ')}`);
  }
  assert.ok(checked >= 14, `only ${checked} records were round-tripped`);
});

test('every corpus record named-checkzone accepts and dns-packet encodes decodes to the same fields', () => {
  const corpus = path.join(sharedDir, 'conformance', 'zone');
  const cases = JSON.parse(fs.readFileSync(path.join(corpus, 'cases.json'), 'utf8')) as Array<{ file: string; origin: string; named: { ok: boolean } }>;
  let checked = 0;
  const problems: string[] = [];
  for (const c of cases.filter((x) => x.named.ok)) {
    const text = fs.readFileSync(path.join(corpus, 'files', c.file), 'latin1');
    const ast = parseZone(text, { uri: 'file:///corpus/x', settings: { ...DEFAULT_SETTINGS, zone: { origin: c.origin } } });
    for (const r of ast.records) {
      if (!canRoundTrip(r)) continue;
      const result = roundTrip(r);
      if (!result) continue;
      checked++;
      if (result.mismatch) problems.push(`${c.file}: ${r.type} ${JSON.stringify(result.mismatch)}`);
    }
  }
  assert.ok(checked > 1000, `only ${checked} records checked`);
  assert.deepEqual(problems, []);
});

test('zone/rdata-encoding fires on a fingerprint dns-packet cannot encode, not on a full one', async () => {
  // Fingerprint type 3 is unknown to named, so any length loads; dns-packet refuses it.
  assert.deepEqual(ruleIds(await lint('zone', zoneWith('host SSHFP 4 3 123456'))), ['zone/rdata-encoding']);
  // For SHA-256 named itself wants 32 octets ("unexpected end of input"): a syntax error.
  assert.deepEqual(ruleIds(await lint('zone', zoneWith('host SSHFP 4 2 123456'))), ['zone/bad-rdata']);
  assert.deepEqual(await lint('zone', zoneWith('host SSHFP 4 1 123456789abcdef67890123456789abcdef67890'), {}), []);
});
