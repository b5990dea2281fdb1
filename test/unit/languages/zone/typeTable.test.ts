// The record-type table against the generated table of what BIND 9.18 knows (bindTypes.ts,
// from BIND's sources and named-checkzone probes): every type named takes is in ours with
// RDATA fields, and our "known to named" flag and `\# 0` verdicts are named's.

import assert from 'node:assert/strict';
import test from 'node:test';
import { lint } from '../../../helpers';
import { BIND_TYPES } from '../../../../server/src/languages/zone/bindTypes';
import { lookupType, RECORD_TYPES } from '../../../../server/src/languages/zone/recordTypes';
import { zoneWith } from './zoneText';

const known = BIND_TYPES.filter((t) => t.known && !t.meta);

test('every type named-checkzone knows is in the table, with its code and RDATA fields', () => {
  const byName = new Map(RECORD_TYPES.map((t) => [t.name, t]));
  const missing = known.filter((b) => byName.get(b.name)?.code !== b.code || byName.get(b.name)!.fields.length === 0).map((b) => b.name);
  assert.deepEqual(missing, []);
});

test('the table marks as unknown to named exactly the types BIND lacks', () => {
  const bindNames = new Set(known.map((t) => t.name));
  for (const t of RECORD_TYPES) assert.equal(lookupType(t.name).unknownToBind, !bindNames.has(t.name), t.name);
});

test('RFC 3597 empty RDATA (\\# 0) is an error exactly where named-checkzone says so', async () => {
  const wrong: string[] = [];
  for (const b of known) {
    if (b.name === 'SOA') continue;
    const errors = (await lint('zone', zoneWith(`t ${b.name} \\# 0`))).filter((f) => f.severity === 'error');
    if (b.emptyOk !== (errors.length === 0)) wrong.push(`${b.name}: named ${b.emptyOk ? 'ok' : b.emptyMessage}, ours ${errors.map((f) => f.message).join('; ') || 'ok'}`);
  }
  assert.deepEqual(wrong, []);
});
