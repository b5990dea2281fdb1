// Strictly read-only: no source under server/src/live/ may write a file, open one for
// writing, or (under live/proc) start a process. This scans the sources for the APIs.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { repoRoot } from '../../../helpers';

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.[cm]?[jt]s$/.test(e.name) ? [full] : [];
  });
}

/** Write-capable fs APIs, by name, whether called as fs.x, fsp.x or imported bare. */
const WRITE_APIS =
  /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|writeSync|writev|writevSync|truncate|truncateSync|ftruncate|ftruncateSync|unlink|unlinkSync|rmSync|rmdir|rmdirSync|mkdir|mkdirSync|mkdtemp|mkdtempSync|rename|renameSync|copyFile|copyFileSync|cpSync|chmod|chmodSync|chown|chownSync|lchown|lchownSync|fchmod|fchown|utimes|utimesSync|lutimes|futimes|symlink|symlinkSync|link|linkSync|fsync|fdatasync)\s*\(/;
/** fs.write(…) / fsp.write(…) and fs.rm / fsp.rm / fs.cp (names too short to match bare). */
const FS_SHORT_WRITES = /\b(fs|fsp|promises)\s*\.\s*(write|rm|cp|open|openSync|opendir)\s*\(/;
/** Any open call with a write flag or write constant. */
const OPEN_FOR_WRITE = /\bopen(Sync)?\s*\([^)]*(['"`][^'"`]*[wa+][^'"`]*['"`]|O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND)/;
const FLAG_WRITE = /\bflags?\s*:\s*['"`][^'"`]*[wa+][^'"`]*['"`]/;
// RegExp.prototype.exec (`re.exec(`) is not a process: only bare calls count.
const CHILD_PROCESS = /child_process|\bexecSync\b|\bspawnSync\b|\bexecFile\b|(?<![.\w])(spawn|exec|fork)\s*\(/;

export function writeApiUses(text: string, underProc: boolean): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    for (const [name, re] of [
      ['write API', WRITE_APIS],
      ['fs write/open', FS_SHORT_WRITES],
      ['open for writing', OPEN_FOR_WRITE],
      ['write flag', FLAG_WRITE],
    ] as const) {
      if (re.test(code)) found.push(`line ${i + 1}: ${name}: ${line.trim()}`);
    }
    if (underProc && CHILD_PROCESS.test(code)) found.push(`line ${i + 1}: child process: ${line.trim()}`);
  });
  return found;
}

test('no source under server/src/live/ uses a write API; none under live/proc starts a process', () => {
  const liveDir = path.join(repoRoot, 'server', 'src', 'live');
  const files = sources(liveDir);
  assert.ok(files.some((f) => f.endsWith(path.join('proc', 'procfs.ts'))), 'the scan must see live/proc/procfs.ts');
  const offenders: string[] = [];
  for (const file of files) {
    const underProc = file.startsWith(path.join(liveDir, 'proc') + path.sep);
    for (const use of writeApiUses(fs.readFileSync(file, 'utf8'), underProc)) offenders.push(`${path.relative(repoRoot, file)} ${use}`);
  }
  assert.deepEqual(offenders, []);
});

test('under live/proc only procfs.ts imports the file system, and it reads with flag r only', () => {
  const procDir = path.join(repoRoot, 'server', 'src', 'live', 'proc');
  const importers = sources(procDir).filter((f) => /from\s+['"](node:)?fs(\/promises)?['"]|require\(\s*['"](node:)?fs/.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(importers.map((f) => path.relative(procDir, f)), ['procfs.ts']);
  const procfs = fs.readFileSync(path.join(procDir, 'procfs.ts'), 'utf8');
  const calls = [...procfs.matchAll(/\bfsp\.(\w+)/g)].map((m) => m[1]);
  assert.ok(calls.length > 0);
  for (const call of calls) assert.ok(['readFile', 'readlink', 'readdir', 'stat', 'lstat'].includes(call), `procfs.ts calls fsp.${call}`);
});

test('the scanner notices every kind of write it is meant to catch', () => {
  const bad = [
    "fs.writeFileSync('/proc/sys/vm/drop_caches', '3');",
    "await fsp.writeFile(p, data);",
    "import { appendFile } from 'node:fs/promises'; appendFile(p, 'x');",
    "const s = fs.createWriteStream('/proc/sysrq-trigger');",
    "fs.openSync('/proc/self/clear_refs', 'w');",
    "await fsp.open(p, 'r+');",
    "fs.open(p, fs.constants.O_WRONLY, cb);",
    "fs.readFileSync(p, { flag: 'a+' });",
    "fs.write(fd, buf, cb);",
    "fs.truncateSync(p);",
    "fs.rmSync(dir, { recursive: true });",
  ];
  for (const line of bad) assert.notDeepEqual(writeApiUses(line, false), [], line);
  assert.notDeepEqual(writeApiUses("import { execFileSync } from 'node:child_process';", true), []);
  assert.notDeepEqual(writeApiUses("spawn('ss', ['-tan']);", true), []);
  const good = ["const m = /^a/.exec(line);", "await fsp.readFile(file, { encoding: 'utf8', flag: 'r' });", 'fsp.readlink(p);', 'socket.write(packet);', "const flags = parseInt(m[1], 8);"];
  for (const line of good) assert.deepEqual(writeApiUses(line, true), [], line);
});
