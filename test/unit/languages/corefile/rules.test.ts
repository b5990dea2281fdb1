// Every Corefile rule: a Corefile that makes it fire (on the exact token) and a close one
// that does not. The table must cover every rule the language declares.

import assert from 'node:assert/strict';
import test from 'node:test';
import { corefileLanguage } from '../../../../server/src/languages/corefile';
import { lint } from '../../../helpers';

interface RuleCase {
  id: string;
  fires: string;
  /** The text of the token the finding is on (first finding of the rule). */
  at: string;
  message?: RegExp;
  quiet: string;
  settings?: Parameters<typeof lint>[2];
}

const CASES: RuleCase[] = [
  { id: 'corefile/syntax', fires: '.:53 {\n    whoami }\n', at: '}', message: /no matching opening brace/, quiet: '.:53 {\n    whoami\n}\n' },
  { id: 'corefile/unknown-directive', fires: '.:53 {\n    forwrd . 8.8.8.8\n}\n', at: 'forwrd', message: /Did you mean 'forward'/, quiet: '.:53 {\n    forward . 8.8.8.8\n}\n' },
  { id: 'corefile/argument-count', fires: '.:53 {\n    cache {\n        success\n    }\n}\n', at: 'success', message: /Wrong argument count/, quiet: '.:53 {\n    cache {\n        success 9984 30\n    }\n}\n' },
  { id: 'corefile/invalid-value', fires: '.:53 {\n    bufsize 100\n}\n', at: '100', message: /between 512 and 4096/, quiet: '.:53 {\n    bufsize 1232\n}\n' },
  { id: 'corefile/unknown-property', fires: '.:53 {\n    kubernetes cluster.local {\n        pod insecure\n    }\n}\n', at: 'pod', message: /did you mean 'pods'/, quiet: '.:53 {\n    kubernetes cluster.local {\n        pods insecure\n    }\n}\n' },
  { id: 'corefile/conflicting-options', fires: '.:53 {\n    cache {\n        serve_stale_policy prefer_positive\n    }\n}\n', at: 'serve_stale_policy', message: /requires serve_stale/, quiet: '.:53 {\n    cache {\n        serve_stale\n        serve_stale_policy prefer_positive\n    }\n}\n' },
  { id: 'corefile/once-per-block', fires: '.:53 {\n    cache 30\n    cache 60\n}\n', at: 'cache', message: /only be used once per Server Block/, quiet: '.:53 {\n    cache 30\n}\nexample.org {\n    cache 60\n}\n' },
  { id: 'corefile/ignored-repeat', fires: '.:53 {\n    reload 10s\n    reload 30s\n}\n', at: 'reload', message: /silently ignored/, quiet: '.:53 {\n    reload 10s\n}\n' },
  { id: 'corefile/missing-plugin', fires: '.:53 {\n    k8s_external example.org\n}\n', at: 'k8s_external', message: /kubernetes/, quiet: '.:53 {\n    k8s_external example.org\n    kubernetes cluster.local\n}\n' },
  { id: 'corefile/server-key', fires: 'example.org: {\n    whoami\n}\n', at: 'example.org:', message: /expecting data after last colon/, quiet: 'example.org:1053 {\n    whoami\n}\n' },
  { id: 'corefile/duplicate-server', fires: 'example.org {\n    whoami\n}\nEXAMPLE.ORG.:53 {\n    log\n}\n', at: 'EXAMPLE.ORG.:53', message: /dns:\/\/example\.org\.:53 - it is already defined/, quiet: 'example.org {\n    whoami\n}\nexample.org:1053 {\n    log\n}\n' },
  { id: 'corefile/plaintext-transport', fires: 'tls://.:853 {\n    forward . 9.9.9.9\n}\n', at: 'tls://.:853', message: /unencrypted/, quiet: 'tls://.:853 {\n    tls cert.pem key.pem\n    forward . 9.9.9.9\n}\n' },
  { id: 'corefile/resolv-conf-loop', fires: '.:53 {\n    forward . /etc/resolv.conf\n    loop\n}\n', at: '/etc/resolv.conf', message: /systemd-resolved/, quiet: '.:53 {\n    forward . 10.0.0.2\n    loop\n}\n' },
  { id: 'corefile/loop-without-forward', fires: 'example.org {\n    whoami\n    loop\n}\n', at: 'loop', message: /nothing to loop through/, quiet: 'example.org {\n    forward . 10.0.0.2\n    loop\n}\n' },
  { id: 'corefile/template-env', fires: '.:53 {\n    template IN A example.org {\n        answer "{{$x}} 60 IN A 10.0.0.1"\n    }\n}\n', at: '"{{$x}} 60 IN A 10.0.0.1"', message: /environment variable/, quiet: '.:53 {\n    template IN A example.org {\n        answer "{{ .Name }} 60 IN A 10.0.0.1"\n    }\n}\n' },
  { id: 'corefile/glued-brace', fires: 'example.org:1053{\n    whoami\n}\n', at: 'example.org:1053{', message: /glued/, quiet: 'example.org:1053 {\n    whoami\n}\n' },
  { id: 'corefile/plugin-order', fires: '.:53 {\n    forward . 10.0.0.2\n    hosts {\n        10.0.0.1 db.internal\n        fallthrough\n    }\n}\n', at: 'hosts', message: /runs before 'forward'/, quiet: '.:53 {\n    hosts {\n        10.0.0.1 db.internal\n        fallthrough\n    }\n    forward . 10.0.0.2\n}\n' },
  { id: 'corefile/deprecated', fires: '.:53 {\n    kubernetes cluster.local {\n        upstream\n    }\n}\n', at: 'upstream', message: /removed in CoreDNS 1\.7\.0/, quiet: '.:53 {\n    kubernetes cluster.local {\n        pods insecure\n    }\n}\n' },
  { id: 'corefile/cache-ttl-duration', fires: '.:53 {\n    forward . 10.0.0.2\n    cache 3600s\n}\n', at: '3600s', message: /Write 'cache 3600'/, quiet: '.:53 {\n    forward . 10.0.0.2\n    cache 3600\n}\n' },
];

test('every Corefile rule has a case here', () => {
  const covered = new Set(CASES.map((c) => c.id));
  for (const rule of corefileLanguage.rules) assert.ok(covered.has(rule.id), `no fire/quiet case for ${rule.id}`);
});

for (const c of CASES) {
  test(`${c.id} fires on the exact token`, async () => {
    const findings = (await lint('corefile', c.fires, c.settings)).filter((f) => f.ruleId === c.id);
    assert.ok(findings.length > 0, `${c.id} did not fire`);
    const lines = c.fires.split('\n');
    const r = findings[0].range;
    assert.equal(r.start.line, r.end.line);
    assert.equal(lines[r.start.line].slice(r.start.character, r.end.character), c.at);
    if (c.message) assert.match(findings[0].message, c.message);
  });
  test(`${c.id} stays quiet on a correct Corefile`, async () => {
    const findings = await lint('corefile', c.quiet, c.settings);
    assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });
}
