// Secrets in environ and on command lines are masked by name AND by what the value looks
// like, so a JWT or a PEM key under an innocent name, MYSQL_PWD, DSNs, webhooks, passwords in
// query strings or containing '/' or '@', and `mysql -pSECRET` never reach a report.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import test from 'node:test';
import { runProcCommand } from '../../../../server/src/live/proc/command';
import type { ProcessData } from '../../../../server/src/live/proc/readings/process';
import type { ProcessesData } from '../../../../server/src/live/proc/readings/processes';
import { MASK, maskArgs, maskValue, secretName } from '../../../../server/src/live/proc/secrets';
import { testContext } from './context';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----';

test('by name: MYSQL_PWD, *_AUTH, *_TOKEN, *_SECRET*, *_KEY, PASSWORD, DSNs, webhooks; PWD and PATH are not secrets', () => {
  for (const name of ['MYSQL_PWD', 'BASIC_AUTH', 'NPM_AUTH', 'AUTH_HEADER', 'GITLAB_TOKEN', 'CLIENT_SECRET_VALUE', 'STRIPE_KEY', 'PASSWORD', 'SENTRY_DSN', 'SLACK_WEBHOOK_URL', 'DB_CONNECTION_STRING', 'AZURE_STORAGE_SAS']) {
    assert.ok(secretName(name), name);
  }
  for (const name of ['PWD', 'OLDPWD', 'PATH', 'HOME', 'AUTHOR', 'LANG', 'HOSTNAME']) assert.ok(!secretName(name), name);
});

test('by value, whatever the name: PEM, JWT, URL passwords with / and @, query strings, DSNs, cloud key shapes', () => {
  const cases: Array<[string, string, string]> = [
    ['CONFIG', PEM, MASK],
    ['X', `Bearer ${JWT}`, `Bearer ${MASK}`],
    ['DATABASE_URL', 'postgres://app:s3/cr@t@db:5432/app', `postgres://app:${MASK}@db:5432/app`],
    ['UPSTREAM', 'https://x:p@ss@h.example/a b', `https://x:${MASK}@h.example/a b`],
    ['CLONE', 'https://ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@github.com/o/r', `https://${MASK}@github.com/o/r`],
    ['CALLBACK', 'https://api.example/hook?user=me&password=hunter2&x=1', `https://api.example/hook?user=me&password=${MASK}&x=1`],
    ['PGCONN', 'host=db user=app password=s3cret dbname=app', `host=db user=app password=${MASK} dbname=app`],
    ['ADO', 'Server=db;User Id=sa;Password=P@ss;', `Server=db;User Id=sa;Password=${MASK};`],
    ['NOTIFY', 'https://hooks.slack.com/services/T000/B000/XXXXXXXX', `https://hooks.slack.com/services/${MASK}`],
    ['ID', 'AKIAIOSFODNN7EXAMPLE', MASK],
    ['GH', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', MASK],
    ['SLACKY', 'xoxb-1234567890-abcdefghij', MASK],
  ];
  for (const [name, value, shown] of cases) {
    const m = maskValue(name, value);
    assert.equal(m.value, shown, `${name}=${value}`);
    assert.ok(m.masked, `${name} has a reason`);
  }
  for (const plain of ['http://proxy:3128', 'https://example.com/a?b=c', '/usr/local/bin:/usr/bin', 'en_US.UTF-8', 'keyboard']) assert.deepEqual(maskValue('SOMETHING', plain), { value: plain }, plain);
});

test('command lines: --password=x, --token x, mysql -pSECRET, NAME=value, key shapes', () => {
  const tried = [
    ['mysql', '-uroot', '-phunter2', 'db'],
    ['app', '--password=hunter2', '--db-password', 's3cret', '--verbose'],
    ['env', 'PGPASSWORD=hunter2', 'psql', '-h', 'db'],
    ['curl', '-H', `Authorization: Bearer ${JWT}`, 'https://u:p@h.example/'],
    ['worker', '--client-secret', 'abc', '--port', '8080'],
  ];
  const shown = tried.map((a) => maskArgs(a).args);
  console.log('tried:', JSON.stringify(tried), '\nshown:', JSON.stringify(shown));
  assert.deepEqual(shown, [
    ['mysql', '-uroot', `-p${MASK}`, 'db'],
    ['app', `--password=${MASK}`, '--db-password', MASK, '--verbose'],
    ['env', `PGPASSWORD=${MASK}`, 'psql', '-h', 'db'],
    ['curl', '-H', `Authorization: Bearer ${MASK}`, `https://u:${MASK}@h.example/`],
    ['worker', '--client-secret', MASK, '--port', '8080'],
  ]);
  assert.deepEqual(maskArgs(['ls', '-la', '/tmp']), { args: ['ls', '-la', '/tmp'], masked: 0 });
});

test('a live process: secrets on its command line and in its environment are masked in both readings', async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)', '--', '--password=hunter2-cmdline', `token=${JWT}`], {
    env: { INNOCENT: PEM, MYSQL_PWD: 'hunter2-env', CALLBACK: 'https://h.example/x?token=abc123def', PATH: process.env.PATH ?? '' },
    stdio: 'ignore',
  });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const r = await runProcCommand({ reading: 'process', pid: child.pid! }, testContext());
    const d = r.data as ProcessData;
    const list = await runProcCommand({ reading: 'processes' }, testContext());
    const row = (list.data as ProcessesData).processes.find((p) => p.pid === child.pid);
    console.log(`process ${child.pid}: command line "${d.cmdline?.args.join(' ')}"; environ ${JSON.stringify(d.environ?.entries)}`);
    for (const text of [r.text, JSON.stringify(d), row?.command ?? '', list.text]) {
      for (const secret of ['hunter2-cmdline', 'hunter2-env', 'BEGIN RSA', JWT.slice(0, 30), 'abc123def']) assert.ok(!text.includes(secret), `${secret} is not shown`);
    }
    assert.ok(d.cmdline?.maskedArgs && d.cmdline.maskedArgs >= 2);
    const unmasked = await runProcCommand({ reading: 'process', pid: child.pid!, options: { unmask: 'true' } }, testContext());
    assert.ok(unmasked.text.includes('hunter2-cmdline'), '--unmask shows them');
  } finally {
    child.kill();
  }
});
