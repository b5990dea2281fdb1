// The per-process readers: stat, status, cmdline, environ (+ masking), limits, cgroup,
// mountinfo, fd links and fdinfo, and the text of the process / deleted-files reports.

import assert from 'node:assert/strict';
import test from 'node:test';
import { cgroupDirectory, cpuMaxCores, parseFlatKeyed } from '../../../../server/src/live/proc/cgroupfs';
import { parseMountinfo, unescapeOctal } from '../../../../server/src/live/proc/mountinfo';
import { parsePasswd } from '../../../../server/src/live/proc/passwd';
import { parseCgroup } from '../../../../server/src/live/proc/pidCgroup';
import { commandLine, parseCmdline } from '../../../../server/src/live/proc/pidCmdline';
import { parseEnviron } from '../../../../server/src/live/proc/pidEnviron';
import { accessMode, classifyFdTarget, parseFdinfo, withoutDeletedMark } from '../../../../server/src/live/proc/pidFd';
import { parseLimits } from '../../../../server/src/live/proc/pidLimits';
import { parseScore } from '../../../../server/src/live/proc/pidOom';
import { parsePidStat } from '../../../../server/src/live/proc/pidStat';
import { parsePidStatus, statusBytes, statusGroups, statusIds } from '../../../../server/src/live/proc/pidStatus';
import { parseWchan } from '../../../../server/src/live/proc/pidWchan';
import { renderDeletedFiles } from '../../../../server/src/live/proc/readings/deletedFiles';
import { type ProcessData, renderProcess } from '../../../../server/src/live/proc/readings/process';
import { MASK, maskValue } from '../../../../server/src/live/proc/secrets';
import { sample } from './sample';

test('pid stat (captured): fields after the last ")", u64 rsslim kept exact', () => {
  const s = parsePidStat(sample('pid_stat.linux-6.18-x86_64.txt'));
  assert.ok(s);
  assert.deepEqual([s.pid, s.comm, s.state, s.ppid, s.numThreads, s.starttime, s.vsize, s.rssPages], [14501, 'sleep', 'S', 14442, 1, 106921, 2990080, 414]);
  assert.equal(s.rsslim, '18446744073709551615');
});

test('pid stat: a comm with spaces and ")" is cut at the last ")"', () => {
  const s = parsePidStat('42 (my (odd) name) R 1 42 42 0 -1 0 0 0 0 0 7 3 0 0 20 0 4 0 500 1000 2 18446744073709551615');
  assert.equal(s?.comm, 'my (odd) name');
  assert.deepEqual([s?.state, s?.utime, s?.stime, s?.numThreads], ['R', 7, 3, 4]);
  assert.equal(parsePidStat('garbage'), undefined);
  assert.equal(parsePidStat('1 (x) S 0'), undefined, 'too few fields');
});

test('pid status (captured): by key, ids, kB values, empty Groups', () => {
  const st = parsePidStatus(sample('pid_status.linux-6.18-x86_64.txt'));
  assert.equal(st.get('Name'), 'sleep');
  assert.deepEqual(statusIds(st, 'Uid'), [0, 0, 0, 0]);
  assert.equal(statusBytes(st, 'VmRSS'), 468 * 1024);
  assert.deepEqual(statusGroups(st), []);
  assert.equal(statusBytes(parsePidStatus('Name:\tkthreadd\n'), 'VmRSS'), undefined, 'kernel threads have no Vm lines');
  assert.deepEqual(statusGroups(parsePidStatus('Groups:\t4 24 27 \n')), [4, 24, 27]);
});

test('cmdline: NULs shown, trailing NULs dropped from argv, rewritten titles kept whole', () => {
  const c = parseCmdline(Buffer.from('node\0server.js\0--port=8080\0'));
  assert.deepEqual(c.args, ['node', 'server.js', '--port=8080']);
  assert.equal(c.shown, 'node␀server.js␀--port=8080␀');
  assert.equal(commandLine(c, 'node'), 'node server.js --port=8080');
  const title = parseCmdline(Buffer.from('my custom title with spaces\0\0\0\0'));
  assert.deepEqual(title.args, ['my custom title with spaces']);
  const kthread = parseCmdline(Buffer.alloc(0));
  assert.deepEqual(kthread.args, []);
  assert.equal(commandLine(kthread, 'kthreadd'), '[kthreadd]');
  assert.deepEqual(parseCmdline(Buffer.from('a\0\0b\0')).args, ['a', '', 'b'], 'an empty argument in the middle is kept');
});

test('the list line shows control characters as spaces like ps -o args (a script passed to sh -c)', () => {
  const c = parseCmdline(Buffer.from('sh\0-c\0\n  echo a\tb\n\0'));
  assert.equal(commandLine(c, 'sh'), 'sh -c    echo a b ');
  assert.equal(c.shown, 'sh␀-c␀\n  echo a\tb\n␀', 'the single-process view keeps the bytes as launched');
});

test('environ: split at the first "=", entries without "=" kept', () => {
  assert.deepEqual(parseEnviron(Buffer.from('A=1\0B=x=y\0WEIRD\0EMPTY=\0')), [{ name: 'A', value: '1' }, { name: 'B', value: 'x=y' }, { name: 'WEIRD' }, { name: 'EMPTY', value: '' }]);
  assert.deepEqual(parseEnviron(Buffer.alloc(0)), []);
});

test('masking: secret-looking names and passwords in URLs; directories and plain values shown', () => {
  for (const name of ['API_TOKEN', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'DB_PASSWORD', 'MYSQL_PWD_PASSWD', 'SSH_PRIVATE_KEY', 'api_key', 'Authorization', 'PGPASS', 'REDIS_PASS']) {
    assert.deepEqual(maskValue(name, 'hunter2'), { value: MASK, masked: 'name' }, name);
  }
  for (const name of ['PATH', 'HOME', 'PWD', 'OLDPWD', 'LANG', 'PASSAGE']) assert.deepEqual(maskValue(name, 'x'), { value: 'x' }, name);
  assert.deepEqual(maskValue('DATABASE_URL', 'postgres://app:s3cr3t@db:5432/app'), { value: `postgres://app:${MASK}@db:5432/app`, masked: 'url-credentials' });
  assert.deepEqual(maskValue('PROXY', 'http://proxy:3128'), { value: 'http://proxy:3128' });
});

test('limits (captured 6.18 and CentOS 7): names with spaces, empty units, prlimit names', () => {
  const l = parseLimits(sample('self_limits.linux-6.18-x86_64.txt'));
  assert.equal(l.length, 16);
  const nofile = l.find((x) => x.resource === 'NOFILE');
  assert.deepEqual([nofile?.name, nofile?.units], ['Max open files', 'files']);
  const old = parseLimits(sample('pid_limits.linux-3.10-centos7.txt'));
  assert.equal(old.length, 16);
  assert.deepEqual(old.find((x) => x.resource === 'NICE'), { name: 'Max nice priority', soft: '0', hard: '0', units: '', resource: 'NICE' });
  assert.deepEqual(old.find((x) => x.resource === 'NOFILE'), { name: 'Max open files', soft: '1024', hard: '4096', units: 'files', resource: 'NOFILE' });
});

test('cgroup: hybrid v1+v2 (captured), v2-only Kubernetes, v1 Docker; ":" in a path; deleted', () => {
  const hybrid = parseCgroup(sample('self_cgroup.linux-6.18-x86_64.txt'));
  assert.equal(hybrid.length, 10);
  assert.deepEqual(hybrid.find((c) => c.hierarchy === 0), { hierarchy: 0, controllers: [], path: '/', deleted: false });
  assert.deepEqual(hybrid.find((c) => c.controllers.includes('name=systemd'))?.path, '/');
  const k8s = parseCgroup(sample('self_cgroup.linux-6.1-cgroup2-kubernetes.txt'));
  assert.equal(k8s.length, 1);
  const odd = parseCgroup('0::/a:b/c (deleted)\n');
  assert.deepEqual(odd, [{ hierarchy: 0, controllers: [], path: '/a:b/c', deleted: true }]);
  assert.deepEqual(parseCgroup('junk\n'), []);
});

test('cgroup directories: the mount root is stripped (container views), v1 by controller', () => {
  const k8sMounts = parseMountinfo(sample('self_mountinfo.linux-6.1-cgroup2-kubernetes.txt'));
  const [k8s] = parseCgroup(sample('self_cgroup.linux-6.1-cgroup2-kubernetes.txt'));
  assert.equal(cgroupDirectory(k8s, k8sMounts), '/sys/fs/cgroup');
  const dockerMounts = parseMountinfo(sample('self_mountinfo.linux-4.19-cgroup1-docker.txt'));
  const docker = parseCgroup(sample('self_cgroup.linux-4.19-cgroup1-docker.txt'));
  assert.equal(cgroupDirectory(docker.find((c) => c.controllers.includes('memory'))!, dockerMounts), '/sys/fs/cgroup/memory');
  assert.equal(cgroupDirectory(docker.find((c) => c.controllers.includes('cpu'))!, dockerMounts), '/sys/fs/cgroup/cpu,cpuacct');
  assert.equal(cgroupDirectory(docker.find((c) => c.hierarchy === 0)!, dockerMounts), undefined, 'no cgroup2 mount');
  const hostMounts = parseMountinfo(sample('self_mountinfo.linux-6.18-x86_64.txt'));
  const mem = parseCgroup(sample('self_cgroup.linux-6.18-x86_64.txt')).find((c) => c.controllers.includes('memory'))!;
  assert.equal(cgroupDirectory(mem, hostMounts), `/sys/fs/cgroup/memory${mem.path}`);
});

test('mountinfo: octal escapes, optional fields before "-"', () => {
  const m = parseMountinfo(sample('self_mountinfo.linux-6.1-cgroup2-kubernetes.txt'));
  assert.equal(m.find((x) => x.fstype === 'ext4')?.mountPoint, '/etc/my config');
  assert.equal(m.find((x) => x.fstype === 'cgroup2')?.superOptions.includes('nsdelegate'), true);
  assert.equal(unescapeOctal('a\\134b\\011c'), 'a\\b\tc');
});

test('cgroup files: flat keyed (memory.events), cpu.max in CPUs', () => {
  assert.deepEqual(parseFlatKeyed('low 0\nhigh 0\nmax 12\noom 3\noom_kill 2\noom_group_kill 0\n'), { low: 0, high: 0, max: 12, oom: 3, oom_kill: 2, oom_group_kill: 0 });
  assert.equal(cpuMaxCores('max 100000'), undefined);
  assert.equal(cpuMaxCores('150000 100000'), 1.5);
  assert.equal(cpuMaxCores('garbage'), undefined);
});

test('fd links: every kind, " (deleted)" noted, unknown forms opaque', () => {
  assert.deepEqual(classifyFdTarget(3, 'socket:[12345]'), { fd: 3, target: 'socket:[12345]', kind: 'socket', inode: 12345, deletedMark: false });
  assert.equal(classifyFdTarget(4, 'pipe:[99]').kind, 'pipe');
  assert.equal(classifyFdTarget(5, 'anon_inode:[eventpoll]').kind, 'anon_inode');
  assert.equal(classifyFdTarget(5, 'anon_inode:inotify').kind, 'anon_inode');
  assert.equal(classifyFdTarget(6, 'net:[4026531840]').kind, 'namespace');
  assert.deepEqual([classifyFdTarget(7, '/memfd:x (deleted)').kind, classifyFdTarget(7, '/memfd:x (deleted)').deletedMark], ['memfd', true]);
  assert.deepEqual([classifyFdTarget(8, '/var/log/app.log (deleted)').kind, classifyFdTarget(8, '/var/log/app.log (deleted)').deletedMark], ['file', true]);
  assert.equal(classifyFdTarget(9, 'something:new').kind, 'other');
  assert.equal(withoutDeletedMark('/a b (deleted)'), '/a b');
  assert.equal(withoutDeletedMark('/a'), '/a');
});

test('fdinfo: octal flags to lsof modes, optional keys kept raw', () => {
  const i = parseFdinfo('pos:\t42\nflags:\t02100001\nmnt_id:\t24\nino:\t3\neventfd-count:  5\n');
  assert.deepEqual([i.pos, i.flags, i.mntId, i.ino, i.raw['eventfd-count']], [42, 0o2100001, 24, 3, '5']);
  assert.equal(accessMode(i.flags), 'w');
  assert.equal(accessMode(0o100000), 'r');
  assert.equal(accessMode(0o2), 'u');
  assert.equal(accessMode(undefined), '');
  assert.equal(parseFdinfo('pos:\t0\n').mntId, undefined, 'mnt_id appeared in 3.15');
});

test('oom scores, wchan "0" as running, passwd names', () => {
  assert.equal(parseScore('666\n'), 666);
  assert.equal(parseScore('-1000\n'), -1000);
  assert.equal(parseScore('x'), undefined);
  assert.equal(parseWchan('0'), undefined);
  assert.equal(parseWchan('do_epoll_wait'), 'do_epoll_wait');
  assert.equal(parsePasswd('root:x:0:0:root:/root:/bin/bash\nbad line\nnobody:x:65534:65534::/:/usr/sbin/nologin\n').get(65534), 'nobody');
});

function processData(overrides: Partial<ProcessData> = {}): ProcessData {
  return {
    pid: 99,
    comm: 'app',
    state: 'S (sleeping)',
    ppid: 1,
    user: 'root',
    uid: 0,
    threads: 3,
    rssBytes: 4096,
    vszBytes: 8192,
    cpuSeconds: 1.5,
    exitedDuringRead: false,
    unreadable: [],
    ...overrides,
  };
}

test('process text: NULs visible, masked values say so, deleted fds sized, fd share of the limit', () => {
  const text = renderProcess(
    processData({
      cmdline: parseCmdline(Buffer.from('app\0--flag\0')),
      environ: { entries: [{ name: 'API_TOKEN', value: MASK, masked: 'name' }, { name: 'HOME', value: '/root' }], masking: true, maskedCount: 1 },
      fds: { entries: [{ fd: 3, target: '/tmp/big (deleted)', type: 'REG', mode: 'r', size: 52428800, deleted: true }], count: 1, softLimit: '1024', hardLimit: '4096' },
      wchan: 'do_epoll_wait',
      oomScoreAdj: -1000,
      unreadable: ['environment: cannot read /proc/99/environ: permission denied'],
    }),
  );
  assert.match(text, /\[0\] app\n  \[1\] --flag\n/, "one argument a line: no NUL glyph the editor font may lack");
  assert.equal(text.match(/\[1\] --flag/g)?.length, 1, 'each argument is listed once');
  assert.match(text, /API_TOKEN=\*{8}\s+\(masked: secret-looking name\)/);
  assert.match(text, /Open files: 1 of 1024 allowed \(Max open files soft 1024, hard 4096\) \(0\.1%\)/);
  assert.match(text, /3r\s+REG\s+52428800\s+\/tmp\/big \(deleted\)\s+DELETED, still holds 50\.0 MiB/);
  assert.match(text, /never OOM-killed/);
  assert.match(text, /Not readable:\n {2}- environment: cannot read/);
  assert.match(renderProcess(processData({ exitedDuringRead: true })), /exited while being read/);
});

test('deleted-files text: largest first as given, total, memfd apart, unreadable processes counted', () => {
  const text = renderDeletedFiles({
    files: [
      { path: '/var/log/big.log', size: 52428800, dev: 1, ino: 2, memfd: false, holders: [{ pid: 10, command: 'java', fd: 7 }] },
      { path: '/memfd:x', size: 4096, dev: 1, ino: 3, memfd: true, holders: [{ pid: 11, command: 'chrome', fd: 'txt' }] },
    ],
    totalBytes: 52428800,
    memfdBytes: 4096,
    unreadablePids: [5, 6],
    unreadable: [],
  });
  assert.match(text, /50\.0 MiB\s+52428800\s+\/var\/log\/big\.log\s+10 java \(fd 7\)/);
  assert.match(text, /1 deleted file still open: 50\.0 MiB \(52428800 bytes\)/);
  assert.match(text, /memfd files .*4\.0 KiB/);
  assert.match(text, /2 processes of other users could not be checked/);
  assert.match(renderDeletedFiles({ files: [], totalBytes: 0, memfdBytes: 0, unreadablePids: [], unreadable: [] }), /No deleted files are held open/);
});
