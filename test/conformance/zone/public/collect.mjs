#!/usr/bin/env node
// Collects the public zone corpus: zone files from other DNS servers' and libraries' test
// suites (BIND's system tests beyond checkzone, Knot's tests-extra, PowerDNS's regression
// tests, dnspython's tests), copied unmodified into files/<source>/, with sources.json
// recording for each file the repository, commit, path and the origin the tests load it
// with. Reads bare git directories (the `fetch` mirrors); rerun to refresh:
//   node test/conformance/zone/public/collect.mjs [MIRROR_DIR]
// Files with $INCLUDE (their relative paths need the test's own layout), without an SOA
// (hints files and fragments), over 64 KB, or
// byte-identical to an earlier file or to a file of ../shared/conformance/zone are skipped.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const here = dirname(new URL(import.meta.url).pathname);
const mirrors = process.argv[2] ?? '/work/.mirror';
const shared = join(here, '../../../../../shared/conformance/zone/files');
const MAX_BYTES = 64 * 1024;

const git = (repo, ...args) => execFileSync('git', ['--git-dir', join(mirrors, repo.replace('/', '+'), 'repo'), ...args], { maxBuffer: 1 << 28 });

const seen = new Set();
function hashOf(buf) {
  return createHash('sha256').update(buf).digest('hex');
}
function walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else seen.add(hashOf(readFileSync(p)));
  }
}
walk(shared);

/**
 * The origin a zone file is loaded with: the owner of its SOA record (absolute, or relative
 * to the $ORIGIN in force there), else the test's name for it. Undefined when the file has
 * no SOA: a fragment or a hints file, not a zone.
 */
function originOf(text, guess) {
  const g = guess.replace(/\.$/, '');
  let origin = g === '' || g === 'root' ? '.' : `${g}.`;
  let owner;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/;.*/, '');
    const dir = /^\$ORIGIN\s+(\S+)/i.exec(line);
    if (dir) {
      origin = dir[1].endsWith('.') ? dir[1] : `${dir[1]}.${origin === '.' ? '' : origin}`;
      continue;
    }
    if (/^\S/.test(line) && !line.startsWith('$')) owner = line.split(/\s+/)[0];
    if (/\sSOA(\s|$)/i.test(line)) {
      if (!owner || owner === '@') return origin;
      if (owner.endsWith('.')) return owner;
      return origin === '.' ? `${owner}.` : `${owner}.${origin}`;
    }
  }
  return undefined;
}

const SOURCES = [
  {
    repo: 'isc-projects/bind9',
    ref: 'v9.18.49',
    dir: 'bind-system',
    pick: (p) => /^bin\/tests\/system\/.*\.db$/.test(p) && !p.startsWith('bin/tests/system/checkzone/'),
    origin: (p) => basename(p).replace(/\.db$/, '').replace(/^db\./, ''),
  },
  {
    repo: 'CZ-NIC/knot',
    ref: 'HEAD',
    dir: 'knot-extra',
    pick: (p) => /^(tests-extra\/(data|tests\/.*\/data)\/[^/]+\.zone|samples\/[^/]+\.zone)$/.test(p),
    origin: (p) => basename(p).replace(/\.zone$/, ''),
  },
  {
    repo: 'PowerDNS/pdns',
    ref: 'HEAD',
    dir: 'pdns',
    pick: (p) => /^regression-tests(\.nobackend)?\/(zones\/[^/]+|zonemd-test-cases\/zones\/[^/]+\/[^/]+\.zone|[^/]+\/[^/]+\.zone)$/.test(p) && !/\.gitignore$/.test(p),
    origin: (p, files) => {
      const config = p.replace(/[^/]+$/, 'config');
      if (files.has(config)) {
        const m = /^origin=(.*)$/m.exec(git('PowerDNS/pdns', 'show', `HEAD:${config}`).toString());
        if (m) return m[1].trim();
      }
      return basename(p).replace(/\.(zone|orig|invalid)$/, '');
    },
  },
  {
    repo: 'rthalley/dnspython',
    ref: 'HEAD',
    dir: 'dnspython',
    pick: (p) => /^tests\/example\d?(\.good)?$/.test(p),
    origin: () => 'example',
  },
];

const out = join(here, 'files');
rmSync(out, { recursive: true, force: true });
const cases = [];
for (const s of SOURCES) {
  const commit = git(s.repo, 'rev-parse', `${s.ref}^{commit}`).toString().trim();
  const paths = git(s.repo, 'ls-tree', '-r', '--name-only', commit).toString().split('\n').filter(Boolean);
  const all = new Set(paths);
  let n = 0;
  for (const p of paths.filter(s.pick)) {
    const buf = git(s.repo, 'show', `${commit}:${p}`);
    if (buf.length > MAX_BYTES || buf.length === 0) continue;
    const text = buf.toString('latin1');
    if (/^\$INCLUDE/im.test(text) || text.includes('\0')) continue;
    const origin = originOf(text, s.origin(p, all));
    if (!origin) continue;
    const h = hashOf(buf);
    if (seen.has(h)) continue;
    seen.add(h);
    const file = `${s.dir}/${p.replace(/\//g, '__')}`;
    mkdirSync(join(out, s.dir), { recursive: true });
    writeFileSync(join(out, file), buf);
    cases.push({ file, origin, source: `${s.repo}@${commit}:${p}` });
    n++;
  }
  console.log(`${s.repo}@${commit.slice(0, 12)}: ${n} files`);
}
writeFileSync(join(here, 'sources.json'), `${JSON.stringify(cases, null, 1)}\n`);
console.log(`${cases.length} files -> ${out}`);
