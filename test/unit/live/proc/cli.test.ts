// `infra-lens proc <reading> [--pid N] [--json]`: text, JSON and exit codes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import test from 'node:test';
import { READING_NAMES } from '../../../../server/src/live/proc/command';
import { cliPath } from '../../../helpers';

function cli(...args: string[]) {
  return spawnSync(process.execPath, [cliPath, 'proc', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

test('every reading the client and README name is served', () => {
  assert.deepEqual([...READING_NAMES].sort(), ['containers', 'cpu', 'deleted-files', 'interfaces', 'kernel', 'load', 'memory', 'process', 'processes', 'sockets', 'uptime']);
});

test('an unknown reading exits 2 and lists the valid ones on stderr', () => {
  const r = cli('meminfo');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown reading 'meminfo'; valid readings: memory, load, uptime, cpu, kernel, interfaces, sockets, processes, process, deleted-files/);
});

test('bad options exit 2: process without --pid, a non-numeric port, an unknown state', () => {
  assert.equal(cli('process').status, 2);
  assert.match(cli('process').stderr, /needs a pid/);
  assert.equal(cli('sockets', '--port', 'http').status, 2);
  assert.equal(cli('sockets', '--state', 'RUNNING').status, 2);
  assert.equal(cli('memory', '--formula', 'procps-9').status, 2);
});

test('--json prints the data; the text is what the editor shows', () => {
  const json = cli('memory', '--json');
  assert.equal(json.status, 0, json.stderr);
  const data = JSON.parse(json.stdout);
  assert.equal(typeof data.free.total, 'number');
  const text = cli('kernel');
  assert.equal(text.status, 0);
  assert.match(text.stdout, /^Linux \S+\n/);
  const self = cli('process', '--pid', String(process.pid), '--json');
  assert.equal(self.status, 0, self.stderr);
  assert.equal(JSON.parse(self.stdout).pid, process.pid);
});
