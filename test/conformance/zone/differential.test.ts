// Differential test against the installed named-checkzone (BIND 9.18): for every record type
// named knows (bindTypes.ts, generated from BIND's sources), random valid and invalid RDATA,
// one record per line in one zone per type. named-checkzone reports every RDATA error with
// its line and goes on, so one run gives a verdict per line; we compare "named reports an
// error on line L" with "Infra Lens reports an error on line L", and print the agreement per
// type. Seeded: every run sees the same records (change SEED to explore).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import { lintText } from '../../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { zoneLanguage } from '../../../server/src/languages/zone';
import { BIND_TYPES } from '../../../server/src/languages/zone/bindTypes';
import { RECORD_TYPES, type RecordType } from '../../../server/src/languages/zone/recordTypes';
import { seededRandom } from '../../helpers';
import { base32hex, gen, rdataSamples } from './rdataGen';
import { namedErrorLines, requireNamedCheckzone } from './named';

const SEED = Number(process.env.ZONE_DIFF_SEED ?? 20261201);
const PER_TYPE = Number(process.env.ZONE_DIFF_PER_TYPE ?? 80);
/** Agreement over all records this implementation reaches (printed disagreements say where not). */
const FLOOR = 0.995;

const HEADER = ['$ORIGIN example.com.', '$TTL 300', '@ SOA ns hostmaster 1 3600 600 86400 300', '@ NS ns', 'ns A 192.0.2.1'];

export interface TypeResult {
  type: string;
  agree: number;
  total: number;
  disagreements: string[];
}

async function ourErrorLines(file: string, text: string): Promise<Map<number, string>> {
  const { findings } = await lintText(zoneLanguage, text, { uri: pathToFileURL(file).toString(), settings: { ...DEFAULT_SETTINGS, zone: { origin: 'example.com.' } } });
  const lines = new Map<number, string>();
  for (const f of findings) if (f.severity === 'error' && !lines.has(f.range.start.line + 1)) lines.set(f.range.start.line + 1, `${f.message} [${f.ruleId}]`);
  return lines;
}

export async function runDifferential(): Promise<TypeResult[]> {
  requireNamedCheckzone();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-diff-'));
  const byName = new Map(RECORD_TYPES.map((t) => [t.name, t]));
  const g = gen(seededRandom(SEED));
  const results: TypeResult[] = [];
  try {
    for (const bt of BIND_TYPES) {
      if (!bt.known || bt.meta || bt.name === 'SOA') continue;
      const t: RecordType = byName.get(bt.name) ?? { name: bt.name, code: bt.code, rfc: '', summary: '', fields: [] };
      const samples = rdataSamples(t, g, PER_TYPE);
      const r: TypeResult = { type: bt.name, agree: 0, total: 0, disagreements: [] };
      // After some errors (a bad NAPTR regexp) named stops reading the file. A sentinel
      // record with a known error after each record shows how far it got; the rest of the
      // records go into the next run.
      let from = 0;
      for (let run = 0; from < samples.length; run++) {
        const lines = [...HEADER];
        const recordLines: Array<{ line: number; text: string; sentinel: number }> = [];
        for (let i = from; i < samples.length; i++) {
          // NSEC3 owners must be base32hex hash labels (named: bad owner name, fatal).
          const owner = bt.name === 'NSEC3' ? base32hex(Buffer.from([i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19])) : `r${i}`;
          const text = `${owner} ${bt.name} ${samples[i]}`;
          lines.push(text);
          lines.push(`s${i} A 192.0.2.256`);
          recordLines.push({ line: lines.length - 1, text, sentinel: lines.length });
        }
        const file = path.join(dir, `${bt.name}.${run}.zone`);
        const zoneText = `${lines.join('\n')}\n`;
        fs.writeFileSync(file, zoneText);
        const named = namedErrorLines('example.com', file);
        const ours = await ourErrorLines(file, zoneText);
        for (const { line, text, sentinel } of recordLines) {
          from++;
          r.total++;
          const n = named.lines.get(line);
          const o = ours.get(line);
          if ((n !== undefined) === (o !== undefined)) r.agree++;
          else r.disagreements.push(`${bt.name} ${text.slice(0, 140)}\n      named: ${n ?? 'ok'}\n      ours:  ${o ?? 'ok'}`);
          if (!named.lines.has(sentinel)) break;
        }
      }
      results.push(r);
    }
  } finally {
    if (process.env.ZONE_DIFF_KEEP) console.log(`zone files kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

test('RDATA of every type named-checkzone knows: per-line agreement on generated records', async () => {
  const results = await runDifferential();
  let agree = 0;
  let total = 0;
  const rows: string[] = [];
  for (const r of results) {
    agree += r.agree;
    total += r.total;
    rows.push(`${r.type.padEnd(11)} ${String(r.agree).padStart(3)}/${r.total}`);
  }
  console.log(`zone differential (seed ${SEED}, ${PER_TYPE} records per type, ${results.length} types): Infra Lens agrees with named-checkzone on ${agree}/${total} record lines (${((agree / total) * 100).toFixed(2)}%)`);
  for (let i = 0; i < rows.length; i += 6) console.log(`  ${rows.slice(i, i + 6).join('   ')}`);
  for (const r of results) for (const d of r.disagreements) console.log(`  ${d}`);
  assert.equal(results.length, BIND_TYPES.filter((t) => t.known && !t.meta && t.name !== 'SOA').length);
  assert.ok(agree / total >= FLOOR, `agreement ${((agree / total) * 100).toFixed(1)}% is below the floor ${FLOOR * 100}%`);
});
