// Runs every case of ../shared/conformance/resolvconf/cases.json (generated from the real
// glibc 2.36 and musl 1.2.3 of a Debian 12 machine) through our resolver model: the state
// res_ninit builds from each file, and the exact queries each libc sends for a name.
// Prints `agreement: N/M` and holds the floor we meet.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { sharedDir } from '../../helpers';
import { resolverConfig } from '../../../server/src/resolver/config';
import { queryPlan } from '../../../server/src/resolver/plan';
import { type GlibcState, ourGlibcState } from './glibcState';
import { loggedLine, pythonSplitlines } from './querylog';

interface Cases {
  about: string;
  configs: Array<{ name: string; text: string; glibc: GlibcState }>;
  plans: Array<{ name: string; resolvConf: string; query: string; existing: string[]; glibc: string[]; musl: string[] }>;
}

const corpus = path.join(sharedDir, 'conformance', 'resolvconf', 'cases.json');

function loadCases(): Cases {
  assert.ok(fs.existsSync(corpus), `the resolv.conf conformance corpus is missing: ${corpus} (set INFRA_LENS_SHARED to the shared directory)`);
  return JSON.parse(fs.readFileSync(corpus, 'utf8')) as Cases;
}

/** The hostname of the machine that generated the corpus ("Hostname at generation: vm"). */
function generationHostname(about: string): string {
  return /Hostname at generation: (\S+)/.exec(about)?.[1] ?? '';
}

test('resolv.conf conformance: configurations and query plans agree with the real glibc and musl', () => {
  const cases = loadCases();
  const hostname = generationHostname(cases.about);
  let agree = 0;
  let total = 0;
  const disagreements: string[] = [];
  for (const c of cases.configs) {
    total++;
    const ours = ourGlibcState(c.text, hostname);
    try {
      assert.deepEqual(ours, c.glibc);
      agree++;
    } catch {
      disagreements.push(`config ${c.name}: ours ${JSON.stringify(ours)} vs glibc ${JSON.stringify(c.glibc)}`);
    }
  }
  for (const p of cases.plans) {
    const existing = new Set(p.existing.map((n) => n.toLowerCase().replace(/\.$/, '')));
    for (const libc of ['glibc', 'musl'] as const) {
      total++;
      const config = resolverConfig(p.resolvConf, { libc, hostname });
      const plan = queryPlan(p.query, config, { outcome: (name) => (existing.has(name.toLowerCase().replace(/\.$/, '')) ? 'answer' : 'nxdomain') });
      const malformed = new Set(plan.candidates.filter((c) => c.malformed).map((c) => c.name));
      const ours = plan.queries.flatMap((q) => pythonSplitlines(loggedLine(q.name, q.type, malformed.has(q.name))));
      try {
        assert.deepEqual(ours, p[libc]);
        agree++;
      } catch {
        disagreements.push(`plan ${p.name} (${libc}): ours ${JSON.stringify(ours)} vs real ${JSON.stringify(p[libc])}`);
      }
    }
  }
  console.log(`resolv.conf conformance agreement: ${agree}/${total} (${cases.configs.length} configurations, ${cases.plans.length} names × glibc and musl)`);
  for (const d of disagreements) console.log(`  disagree: ${d}`);
  // The floor is what we meet: every case.
  assert.equal(agree, total, `agreement ${agree}/${total} is below the floor of ${total}/${total}`);
});
