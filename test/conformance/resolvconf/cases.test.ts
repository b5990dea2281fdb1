// Runs every case of ../shared/conformance/resolvconf/cases.json (generated from the real
// glibc 2.36 and musl 1.2.3 of a Debian 12 machine) through our resolver model: the state
// res_ninit builds from each file, and the exact queries each libc sends for a name.
// Prints `agreement: N/M` and holds the floor we meet.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { repoRoot } from '../../helpers';
import { resolverConfig } from '../../../server/src/languages/resolvconf/config';
import { FLAG_OPTIONS } from '../../../server/src/languages/resolvconf/options';
import { queryPlan } from '../../../server/src/languages/resolvconf/plan';

interface GlibcState {
  nameservers: string[];
  search: string[];
  ndots: number;
  timeout: number;
  attempts: number;
  options: string[];
  sortlist: string[];
}

interface Cases {
  about: string;
  configs: Array<{ name: string; text: string; glibc: GlibcState }>;
  plans: Array<{ name: string; resolvConf: string; query: string; existing: string[]; glibc: string[]; musl: string[] }>;
}

const corpus = path.resolve(process.env.INFRA_LENS_SHARED ?? path.join(repoRoot, '..', 'shared'), 'conformance', 'resolvconf', 'cases.json');

function loadCases(): Cases {
  assert.ok(fs.existsSync(corpus), `the resolv.conf conformance corpus is missing: ${corpus} (set INFRA_LENS_SHARED to the shared directory)`);
  return JSON.parse(fs.readFileSync(corpus, 'utf8')) as Cases;
}

/** The hostname of the machine that generated the corpus ("Hostname at generation: vm"). */
function generationHostname(about: string): string {
  return /Hostname at generation: (\S+)/.exec(about)?.[1] ?? '';
}

/** Our configuration in the shape resinit.c prints. */
function ourGlibcState(text: string, hostname: string): GlibcState {
  const c = resolverConfig(text, { libc: 'glibc', hostname });
  // resinit.c lists the flags in this order.
  const order = ['rotate', 'edns0', 'single-request', 'single-request-reopen', 'no-tld-query', 'use-vc', 'no-reload', 'trust-ad', 'no-aaaa'];
  return {
    nameservers: c.nameservers.map((n) => n.address.replace(/%.*$/, '')),
    search: c.dnsrchView,
    ndots: c.ndots,
    timeout: c.timeout,
    attempts: c.attempts,
    options: order.filter((f) => FLAG_OPTIONS.some((o) => o.flag === f) && c.flags[f as keyof typeof c.flags]),
    sortlist: c.sortlist.map((e) => `${e.address}/${e.mask}`),
  };
}

/**
 * What harness/querylog.py logs for a query, as build-cases.py reads it back (Python's
 * splitlines). For a well-formed query that is "NAME. TYPE"; musl 1.2.3 encodes a name that
 * ends in two dots into a broken packet, which the logger decodes into odd lines.
 */
function loggedLines(name: string, type: 'A' | 'AAAA', malformed: boolean): string[] {
  if (!malformed) return [`${name} ${type}`];
  const packet = muslQueryPacket(name, type === 'A' ? 1 : 28);
  const labels: string[] = [];
  let i = 12;
  while (i < packet.length && packet[i]) {
    labels.push(Array.from(packet.subarray(i + 1, i + 1 + packet[i]), (b) => (b < 128 ? String.fromCharCode(b) : '\ufffd')).join(''));
    i += 1 + packet[i];
  }
  const qtypeBytes = packet.subarray(i + 1, i + 3);
  const qtype = qtypeBytes.length === 0 ? 0 : qtypeBytes.reduce((a, b) => a * 256 + b, 0);
  const names: Record<number, string> = { 1: 'A', 28: 'AAAA' };
  const line = `${labels.join('.')}. ${names[qtype] ?? qtype}`;
  return line.split(/[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/).filter((l) => l !== '');
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
      const ours = plan.queries.flatMap((q) => loggedLines(q.name, q.type, malformed.has(q.name)));
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
