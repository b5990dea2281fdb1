// The real named-checkzone as the oracle: (1) on every zone fixture, the same verdict and
// an error of ours on every line named reports an error on; (2) a differential run over
// generated zones (a seeded generator: random valid zones, one injected defect each) where
// named must reject the zone and we must flag an error on the same line.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import type { Finding } from '../../../server/src/core/finding';
import { languageByFileName } from '../../../server/src/core/languageDetect';
import { lintText } from '../../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { zoneLanguage } from '../../../server/src/languages/zone';
import { repoRoot, seededRandom } from '../../helpers';

interface NamedResult {
  ok: boolean;
  /** 1-based lines named reports a problem on (warnings excluded). */
  errorLines: number[];
  output: string;
}

function namedCheckzone(origin: string, file: string): NamedResult {
  const r = spawnSync('named-checkzone', [origin, path.basename(file)], { cwd: path.dirname(file), encoding: 'utf8' });
  assert.ok(!r.error, `named-checkzone is not installed (scripts/install-system-deps.sh installs bind9-utils): ${r.error?.message}`);
  const output = `${r.stdout}${r.stderr}`;
  const base = path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const errorLines = [...output.matchAll(new RegExp(`${base}:(\\d+): (?!warning)(.*)`, 'g'))]
    .filter((m) => !/ignoring out-of-zone|using RFC1035|using SOA MINTTL|signature has expired|check-names|non-terminal wildcard/.test(m[2]))
    .map((m) => Number(m[1]));
  return { ok: r.status === 0, errorLines, output };
}

async function ours(file: string, origin?: string): Promise<{ findings: Finding[]; origin: string }> {
  const text = fs.readFileSync(file, 'utf8');
  const ctx = {
    uri: pathToFileURL(file).toString(),
    settings: { ...DEFAULT_SETTINGS, zone: { origin: origin ?? '' } },
    readFile: (p: string) => {
      try {
        return fs.readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
  const { findings, parsed } = await lintText(zoneLanguage, text, ctx);
  return { findings, origin: parsed.origin };
}

/** Lines (1-based) our error findings are on, including their related locations. */
function ourErrorLines(findings: Finding[]): Set<number> {
  const lines = new Set<number>();
  for (const f of findings) {
    if (f.severity !== 'error' || f.uri) continue;
    lines.add(f.range.start.line + 1);
    for (const r of f.related ?? []) lines.add(r.range.start.line + 1);
  }
  return lines;
}

function zoneFixtures(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return zoneFixtures(full);
    return languageByFileName(full) === 'zone' ? [full] : [];
  });
}

test('fixtures: the same verdict as named-checkzone, and an error of ours on every line it rejects', async () => {
  const files = zoneFixtures(path.join(repoRoot, 'fixtures', 'zone'));
  assert.ok(files.length >= 4, `zone fixtures: ${files.join(', ')}`);
  for (const file of files) {
    const { findings, origin } = await ours(file);
    const named = namedCheckzone(origin, file);
    const weFail = findings.some((f) => f.severity === 'error');
    assert.equal(weFail, !named.ok, `${path.relative(repoRoot, file)}: named ${named.ok ? 'accepts' : 'rejects'} it, we ${weFail ? 'report errors' : 'do not'}\n${named.output}`);
    const lines = ourErrorLines(findings);
    for (const line of named.errorLines) assert.ok(lines.has(line), `${path.relative(repoRoot, file)}:${line}: named reports an error there, we do not\n${named.output}`);
  }
});

// ---- differential: generated zones with one injected defect ------------------------------

const prng = seededRandom;

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const label = (r: Rand) => `${pick(r, ['www', 'api', 'app', 'db', 'cdn', 'git', 'vpn', 'web'])}${int(r, 1, 99)}`;

function validRecord(r: Rand, owner: string): string {
  const ttl = pick(r, ['', '300 ', '1h ', 'IN ', '600 IN ', 'IN 600 ']);
  switch (int(r, 0, 6)) {
    case 0:
      return `${owner} ${ttl}A 192.0.2.${int(r, 1, 254)}`;
    case 1:
      return `${owner} ${ttl}AAAA 2001:db8::${int(r, 1, 0xffff).toString(16)}`;
    case 2:
      return `${owner} ${ttl}TXT "v=${int(r, 1, 9)}" "x y"`;
    case 3:
      return `${owner} ${ttl}MX ${int(r, 0, 50)} mail.example.net.`;
    case 4:
      return `${owner} ${ttl}CAA 0 issue "ca.example.net"`;
    case 5:
      return `${owner} ${ttl}SSHFP 1 1 ${'ab'.repeat(20)}`;
    default:
      return `${owner} ${ttl}HTTPS 1 . alpn=h2 port=${int(r, 1, 65535)}`;
  }
}

/** Defects named-checkzone rejects; each returns the line to insert (owner given). */
const DEFECTS: Array<{ name: string; line: (r: Rand, owner: string) => string }> = [
  { name: 'bad dotted quad', line: (r, o) => `${o} A 192.0.2.${int(r, 256, 999)}` },
  { name: 'IPv6 in A', line: (_, o) => `${o} A 2001:db8::1` },
  { name: 'bad IPv6', line: (_, o) => `${o} AAAA 2001:db8::1::2` },
  { name: 'MX without preference', line: (_, o) => `${o} MX mail.example.net.` },
  { name: 'u16 out of range', line: (r, o) => `_sip._tcp.${o} SRV 10 10 ${int(r, 65536, 99999)} sip.example.net.` },
  { name: 'unknown type', line: (_, o) => `${o} ALIAS lb.example.net.` },
  { name: 'TXT over 255', line: (r, o) => `${o} TXT "${'x'.repeat(int(r, 256, 400))}"` },
  { name: 'unbalanced quotes', line: (_, o) => `${o} TXT "open` },
  { name: 'label too long', line: (r) => `${'a'.repeat(int(r, 64, 80))} A 192.0.2.1` },
  { name: 'class mismatch', line: (_, o) => `${o} CH TXT "x"` },
  { name: 'CAA flags out of range', line: (_, o) => `${o} CAA 256 issue "ca.example.net"` },
  { name: 'CNAME beside data', line: (_, o) => `${o} CNAME elsewhere.example.net.` },
  { name: 'extra input', line: (_, o) => `${o} A 192.0.2.1 192.0.2.2` },
  { name: 'bad base64', line: (_, o) => `${o} DNSKEY 257 3 13 AB=C` },
  { name: 'bad hex', line: (_, o) => `${o} DS 1 13 2 ABCDEFG1` },
];

test('differential: generated zones with one injected defect; named and we flag the same line', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-zone-'));
  const rand = prng(20261125);
  const failures: string[] = [];
  let runs = 0;
  try {
    for (let i = 0; i < 90; i++) {
      const defect = DEFECTS[i % DEFECTS.length];
      const lines = ['$ORIGIN example.com.', '$TTL 3600', '@ IN SOA ns1 hostmaster 2026112501 7200 3600 1209600 300', '@ NS ns1', 'ns1 A 192.0.2.53'];
      const owners = Array.from({ length: int(rand, 3, 12) }, () => label(rand));
      for (const o of owners) lines.push(validRecord(rand, o));
      const at = int(rand, 5, lines.length);
      // A CNAME defect needs an owner that already has data, and must come after it.
      const owner = defect.name === 'CNAME beside data' ? owners[0] : label(rand);
      const insertAt = defect.name === 'CNAME beside data' ? lines.length : at;
      lines.splice(insertAt, 0, defect.line(rand, owner));
      const file = path.join(dir, `gen${i}.zone`);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      const named = namedCheckzone('example.com', file);
      const { findings } = await ours(file);
      const line = insertAt + 1;
      runs++;
      if (named.ok) failures.push(`${defect.name}: named accepted gen${i}.zone (the generator is wrong)`);
      else if (named.errorLines.length && !named.errorLines.includes(line)) failures.push(`${defect.name}: named reports lines ${named.errorLines}, injected at ${line}`);
      const errorsAtLine = findings.filter((f) => f.severity === 'error' && ourErrorLines([f]).has(line));
      if (errorsAtLine.length === 0) failures.push(`${defect.name}: we report no error on line ${line} of gen${i}.zone: ${lines[insertAt]}\n  ours: ${findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`).join(', ')}`);
      const clean = findings.filter((f) => f.severity === 'error' && !ourErrorLines([f]).has(line));
      if (clean.length) failures.push(`${defect.name}: extra errors in gen${i}.zone: ${clean.map((f) => `${f.range.start.line + 1} ${f.message}`).join('; ')}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Without a defect, both must accept the generated zones.
  const cleanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-zone-'));
  try {
    for (let i = 0; i < 15; i++) {
      const lines = ['$ORIGIN example.com.', '$TTL 3600', '@ IN SOA ns1 hostmaster 2026112501 7200 3600 1209600 300', '@ NS ns1', 'ns1 A 192.0.2.53'];
      for (let k = int(rand, 3, 12); k > 0; k--) lines.push(validRecord(rand, label(rand)));
      const file = path.join(cleanDir, `clean${i}.zone`);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      const named = namedCheckzone('example.com', file);
      const errors = (await ours(file)).findings.filter((f) => f.severity === 'error');
      runs++;
      if (!named.ok) failures.push(`clean${i}.zone: named rejects a zone the generator meant to be valid:\n${named.output}`);
      if (errors.length) failures.push(`clean${i}.zone: we report errors on a valid zone: ${errors.map((f) => f.message).join('; ')}`);
    }
  } finally {
    fs.rmSync(cleanDir, { recursive: true, force: true });
  }
  console.log(`zone differential: ${runs} generated zones, ${runs - failures.length} agree with named-checkzone on the defect's line`);
  assert.deepEqual(failures, []);
});
