// Differential test of query plans against this machine's resolvers: generated resolv.conf
// files, names and RES_OPTIONS/LOCALDOMAIN values; glibc (`getent ahosts NAME`) and musl
// (the shared harness's lookup.c, built statically with musl-gcc) run in a private mount +
// network namespace against the harness's logging responder (querylog.py on 127.0.0.1:53,
// NXDOMAIN for everything), and the queries it logs must be exactly the plan we predict.
// No packet leaves the namespace. Needs unshare, python3, musl-gcc (musl-tools) and root
// (or unprivileged user namespaces).

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'node:test';
import { seededRandom, sharedDir } from '../../helpers';
import { resolverConfig } from '../../../server/src/resolver/config';
import { queryPlan } from '../../../server/src/resolver/plan';
import { loggedLine } from './querylog';

const CASES = 150;
const SEED = Number(process.env.RESOLVCONF_SEED ?? 7);
const harness = path.join(sharedDir, 'conformance', 'resolvconf', 'harness');

const random = seededRandom;

interface Case {
  text: string;
  name: string;
  env: { RES_OPTIONS?: string; LOCALDOMAIN?: string };
}

function generate(seed: number): Case[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const DOMAINS = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example', 'corp.example.', '.', '.lab.example', 'a.example', 'ec2.internal'];
  const NAMES = ['web', 'db.prod', 'api.github.com', 'api.github.com.', 'a.b.c.d.e.f', 'intranet', 'x.y', 'web.default.svc', '10.0.0.1', 'host.', 'a.b'];
  const OPTIONS = ['ndots:0', 'ndots:1', 'ndots:2', 'ndots:3', 'ndots:5', 'ndots:20', 'no-tld-query', 'no-aaaa', 'single-request', 'rotate', 'edns0', 'attempts:1', 'timeout:1', 'attempts:0'];
  const cases: Case[] = [];
  const EXTRA = ['search', 'search ' + Array.from({ length: 4 }, (_, k) => `${'x'.repeat(60)}${k}.example`).join(' ') + ' short.example', 'options ndots: 3', 'options xndots:3', ' search indented.example', 'domain one.example two.example', 'Search upper.example'];
  for (let i = 0; i < CASES; i++) {
    const lines = ['nameserver 127.0.0.1'];
    if (r() < 0.8) lines.push(`${r() < 0.8 ? 'search' : 'domain'} ${Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(DOMAINS)).join(' ')}`);
    if (r() < 0.8) lines.push(`options ${Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(OPTIONS)).join(' ')} timeout:1`);
    if (r() < 0.3) lines.splice(1 + Math.floor(r() * lines.length), 0, pick(EXTRA));
    const env: Case['env'] = {};
    if (r() < 0.15) env.RES_OPTIONS = pick(['ndots:1', 'ndots:4', 'no-aaaa', 'no-tld-query']);
    if (r() < 0.15) env.LOCALDOMAIN = pick(['env.example', 'one.example two.example', ' lead.example']);
    const eol = r() < 0.1 ? '\r\n' : '\n';
    cases.push({ text: `${lines.join(eol)}${eol}`, name: pick(NAMES), env });
  }
  return cases;
}

for (const libc of ['glibc', 'musl'] as const) {
  test(`${libc} plan differential: ${CASES} generated lookups against a logging responder`, () => {
    for (const [cmd, arg] of [['unshare', '--version'], ['python3', '--version'], ['getent', '--version'], ...(libc === 'musl' ? [['musl-gcc', '--version']] : [])]) {
      const r = spawnSync(cmd, [arg], { encoding: 'utf8' });
      assert.ok(!r.error, `this test needs '${cmd}' (scripts/install-system-deps.sh installs it): ${r.error?.message}`);
    }
    assert.ok(fs.existsSync(path.join(harness, 'querylog.py')), `the shared harness is missing: ${harness}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `resolvconf-plan-${libc}-`));
    try {
      let lookup = 'getent ahosts';
      if (libc === 'musl') {
        lookup = path.join(dir, 'lookup-musl');
        execFileSync('musl-gcc', ['-static', '-O1', '-o', lookup, path.join(harness, 'lookup.c')]);
      }
      const cases = generate(SEED);
      cases.forEach((c, i) => {
        fs.writeFileSync(path.join(dir, `${i}.conf`), c.text);
        fs.writeFileSync(path.join(dir, `${i}.name`), c.name);
        fs.writeFileSync(path.join(dir, `${i}.env`), [c.env.RES_OPTIONS !== undefined ? `RES_OPTIONS=${c.env.RES_OPTIONS}` : '', c.env.LOCALDOMAIN !== undefined ? `LOCALDOMAIN=${c.env.LOCALDOMAIN}` : ''].filter(Boolean).map((l) => `${l}\n`).join(''));
      });
      // One namespace and one responder for every case; each lookup's log is moved aside after it.
      const script = `
        ip link set lo up
        python3 "$2/querylog.py" "$1/current.log" > "$1/ready" 2>&1 &
        pid=$!
        n=0; while ! grep -q ready "$1/ready" 2>/dev/null; do sleep 0.05; n=$((n+1)); [ $n -gt 200 ] && exit 3; done
        for i in $(seq 0 ${CASES - 1}); do
          mount --bind "$1/$i.conf" /etc/resolv.conf
          : > "$1/current.log"
          (
            unset RES_OPTIONS LOCALDOMAIN
            while IFS= read -r kv; do [ -n "$kv" ] && export "$kv"; done < "$1/$i.env"
            timeout 20 $3 "$(cat "$1/$i.name")" > /dev/null 2>&1
          )
          mv "$1/current.log" "$1/$i.log"
          umount /etc/resolv.conf
        done
        kill $pid`;
      const userns = process.getuid?.() === 0 ? [] : ['-r'];
      const run = spawnSync('unshare', [...userns, '-m', '-n', 'sh', '-c', script, 'sh', dir, harness, lookup], { encoding: 'utf8', timeout: 900_000 });
      assert.equal(run.status, 0, `could not run the lookups in a private namespace (needs root or user namespaces): ${run.stderr}`);
      let agree = 0;
      const disagreements: string[] = [];
      cases.forEach((c, i) => {
        const real = fs.readFileSync(path.join(dir, `${i}.log`), 'utf8').split('\n').filter((l) => l !== '');
        const config = resolverConfig(c.text, { libc, env: c.env, hostname: os.hostname() });
        const plan = queryPlan(c.name, config);
        const malformed = new Set(plan.candidates.filter((x) => x.malformed).map((x) => x.name));
        const mine = plan.queries.map((q) => loggedLine(q.name, q.type, malformed.has(q.name)));
        try {
          assert.deepEqual(mine, real);
          agree++;
        } catch {
          disagreements.push(`case ${i}: ${JSON.stringify(c)}\n    ours ${JSON.stringify(mine)}\n    real ${JSON.stringify(real)}`);
        }
      });
      console.log(`${libc} plan differential agreement: ${agree}/${CASES} (seed ${SEED})`);
      for (const d of disagreements.slice(0, 10)) console.log(`  disagree: ${d}`);
      assert.equal(agree, CASES, `agreement ${agree}/${CASES} is below the floor of ${CASES}/${CASES}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
