// Configs where they live: the Corefiles, zone files and resolv.confs inside ConfigMaps,
// linted as their own language and reported on the exact line and column of the YAML file.
// The four fixtures are the real ConfigMaps of kubeadm, kops, k3s and the CoreDNS Helm chart
// (source and commit at the top of each file).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { parseDocument } from 'yaml';
import type { EmbeddedParse } from '../../../../server/src/core/embedded';
import type { Finding, TextEdit } from '../../../../server/src/core/finding';
import { lintText } from '../../../../server/src/core/lint';
import { DEFAULT_SETTINGS, type Settings } from '../../../../server/src/core/settings';
import { LineIndex } from '../../../../server/src/core/text';
import { LANGUAGES } from '../../../../server/src/languages';
import { repoRoot } from '../../../helpers';

const dir = path.join(repoRoot, 'fixtures', 'k8s', 'embedded');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

async function lintYaml(text: string, settings: Partial<Settings> = {}, others: Array<{ uri: string; text: string }> = []) {
  return lintText(LANGUAGES.k8s, text, { uri: 'file:///work/coredns.yaml', settings: { ...DEFAULT_SETTINGS, ...settings }, workspaceDocuments: () => others });
}

const loud = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`);

/** Applies non-overlapping edits to a text. */
function apply(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, index.offsetAt(e.range.start)) + e.newText + out.slice(index.offsetAt(e.range.end));
  return out;
}

const corefileOf = (yamlText: string, key = 'Corefile') => {
  const doc = parseDocument(yamlText.split(/^---$/m)[0]);
  assert.deepEqual(doc.errors, []);
  return String(doc.getIn(['data', key]));
};

// ---- the four real ConfigMaps, as shipped --------------------------------------------

for (const name of ['kubeadm-coredns.yaml', 'kops-coredns.yaml', 'k3s-coredns.yaml', 'nodelocaldns.yaml']) {
  test(`${name} as shipped: no error or warning (the stock forward/loop pairing is information)`, async () => {
    const { findings } = await lintYaml(read(name));
    assert.deepEqual(loud(findings), []);
    const info = findings.filter((f) => f.ruleId === 'corefile/resolv-conf-loop');
    assert.equal(info.length, 1);
    assert.ok(findings.every((f) => f.severity === 'information'), JSON.stringify(findings));
    assert.equal(info[0].severity, 'information');
  });
}

test('helm-coredns.yaml as shipped: the Corefile is clean; the zone file has the no-TTL warning named-checkzone gives too', async () => {
  const { findings } = await lintYaml(read('helm-coredns.yaml'));
  assert.deepEqual(loud(findings).filter((f) => !f.includes('zone/no-ttl')), []);
  // named-checkzone example.com example.db: "example.db:1: no TTL specified; using SOA MINTTL instead".
  assert.ok(findings.some((f) => f.ruleId === 'zone/no-ttl' && f.range.start.line === 45));
});

// ---- one injected mistake per embedded language, found on the right line and column -----

interface Injection {
  fixture: string;
  /** Text replaced in the fixture (its first occurrence), and by what. */
  from: string;
  to: string;
  rule: string;
  /** 1-based line and column of the finding in the YAML file. */
  line: number;
  column: number;
  /** What the finding's range covers. */
  token: string;
  /** Rules that follow from the mistake itself (no forward left: loop has nothing to guard). */
  consequences?: string[];
}

const INJECTIONS: Injection[] = [
  { fixture: 'kubeadm-coredns.yaml', from: '    forward . /etc/resolv.conf {', to: '    forwrd . /etc/resolv.conf {', rule: 'corefile/unknown-directive', line: 24, column: 9, token: 'forwrd', consequences: ['corefile/loop-without-forward'] },
  { fixture: 'kops-coredns.yaml', from: '        cache 30', to: '        cache 3600s', rule: 'corefile/cache-ttl-duration', line: 22, column: 15, token: '3600s' },
  { fixture: 'k3s-coredns.yaml', from: 'pods insecure', to: 'pods secure', rule: 'corefile/invalid-value', line: 17, column: 16, token: 'secure' },
  { fixture: 'helm-coredns.yaml', from: 'forward . /etc/resolv.conf', to: 'forward . tls://dns.quad9.net', rule: 'corefile/invalid-value', line: 35, column: 19, token: 'tls://dns.quad9.net' },
  { fixture: 'nodelocaldns.yaml', from: '        health __PILLAR__LOCAL__DNS__:8080', to: '        helth __PILLAR__LOCAL__DNS__:8080', rule: 'corefile/unknown-directive', line: 26, column: 9, token: 'helth' },
  // After a placeholder on the same line: the sample value read in its place does not shift the column.
  { fixture: 'nodelocaldns.yaml', from: 'forward . __PILLAR__CLUSTER__DNS__ {', to: 'forward . __PILLAR__CLUSTER__DNS__ tls://dns.quad9.net {', rule: 'corefile/invalid-value', line: 22, column: 44, token: 'tls://dns.quad9.net' },
  { fixture: 'helm-coredns.yaml', from: 'example.com.   IN A   192.168.99.102', to: 'example.com.   IN A   192.168.99.300', rule: 'zone/bad-ipv4', line: 49, column: 29, token: '192.168.99.300' },
];

for (const inj of INJECTIONS) {
  test(`${inj.fixture}: '${inj.to.trim()}' is ${inj.rule} at ${inj.line}:${inj.column}`, async () => {
    const original = read(inj.fixture);
    assert.ok(original.includes(inj.from), 'the fixture has the text to replace');
    const text = original.replace(inj.from, inj.to);
    const { findings } = await lintYaml(text);
    const hits = findings.filter((f) => f.ruleId === inj.rule && f.range.start.line === inj.line - 1);
    assert.equal(hits.length, 1, JSON.stringify(findings.map((f) => [f.ruleId, f.range.start])));
    const r = hits[0].range;
    assert.equal(r.start.character + 1, inj.column);
    assert.equal(new LineIndex(text).lineText(r.start.line).slice(r.start.character, r.end.character), inj.token);
    // The mistake is the only new loud finding.
    const before = new Set(loud((await lintYaml(original)).findings).map((f) => f.replace(/^\d+:\d+ /, '')));
    const allowed = [inj.rule, ...(inj.consequences ?? [])];
    assert.deepEqual(loud(findings).filter((f) => !before.has(f.replace(/^\d+:\d+ /, '')) && !allowed.some((id) => f.includes(` ${id}: `))), []);
  });
}

test('a resolv.conf key is linted as resolv.conf, on its YAML line', async () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: upstream\ndata:\n  resolv.conf: |\n    nameserver 10.0.0.2\n    options ndots:5 timeout:0\n';
  const { findings } = await lintYaml(text);
  const rc = findings.filter((f) => f.ruleId.startsWith('resolvconf/'));
  assert.ok(rc.length > 0, JSON.stringify(findings));
  assert.equal(rc[0].range.start.line, 7);
});

// ---- the zone's origin ---------------------------------------------------------------

test("a zone key's origin comes from the Corefile's file line that names it, then from the key", async () => {
  const parsed = LANGUAGES.k8s.parse(read('helm-coredns.yaml'), { uri: 'file:///c.yaml', settings: DEFAULT_SETTINGS }) as EmbeddedParse<unknown>;
  const zone = parsed.regions.find((r) => r.region.languageId === 'zone')!;
  assert.equal((zone.parsed as { origin: string }).origin, 'example.com.');
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: zones\ndata:\n  db.example.org: |\n    @ 3600 IN SOA ns1 admin 1 7200 3600 1209600 3600\n    @ 3600 IN NS ns1\n    ns1 3600 IN A 192.0.2.1\n';
  const byKey = LANGUAGES.k8s.parse(text, { uri: 'file:///z.yaml', settings: DEFAULT_SETTINGS }) as EmbeddedParse<unknown>;
  assert.equal((byKey.regions[0].parsed as { origin: string }).origin, 'example.org.');
});

// ---- fixes mapped into the block scalar ------------------------------------------------

test('a fix applied inside the block scalar keeps the YAML valid and the Corefile indented', async () => {
  // A second `cache` with its own block: the fix removes the whole repeated directive, four lines.
  const repeated = '        cache 60 {\n           denial 100\n        }\n';
  const text = read('kubeadm-coredns.yaml').replace('        loop\n', `${repeated}        loop\n`);
  const { findings } = await lintYaml(text);
  const repeat = findings.find((f) => f.ruleId === 'corefile/once-per-block' && f.fixes?.length);
  assert.ok(repeat, JSON.stringify(findings.map((f) => f.ruleId)));
  const fixed = apply(text, repeat.fixes![0].edits);
  assert.equal(fixed, read('kubeadm-coredns.yaml'));
  assert.equal(corefileOf(fixed), corefileOf(read('kubeadm-coredns.yaml')));
  assert.deepEqual(loud((await lintYaml(fixed)).findings), []);
});

test('a fix that inserts lines is indented as the block scalar is', async () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: |\n    .:53 {\n        forward . 10.0.0.2\n    }\n';
  const parsed = LANGUAGES.k8s.parse(text, { uri: 'file:///i.yaml', settings: DEFAULT_SETTINGS }) as EmbeddedParse<unknown>;
  const { RegionMapper } = await import('../../../../server/src/core/embedded');
  const r = parsed.regions[0];
  const m = new RegionMapper(r.region, r.index, parsed.index);
  // Insert "    cache 30\n" before line 1 of the Corefile ("    forward …").
  const edit = m.toHostEdit({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '    cache 30\n' })!;
  const fixed = apply(text, [edit]);
  assert.equal(corefileOf(fixed), '.:53 {\n    cache 30\n    forward . 10.0.0.2\n}\n');
});

test("the typo fix replaces exactly the directive inside the ConfigMap", async () => {
  const text = read('kubeadm-coredns.yaml').replace('    forward . /etc/resolv.conf {', '    forwrd . /etc/resolv.conf {');
  const { findings } = await lintYaml(text);
  const f = findings.find((x) => x.ruleId === 'corefile/unknown-directive')!;
  assert.equal(apply(text, f.fixes![0].edits), read('kubeadm-coredns.yaml'));
});

test('a Corefile in a JSON ConfigMap (kubectl get -o json): escapes map, the fix is written escaped', async () => {
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: '.:53 {\n    errors\n    forwrd . 10.0.0.2\n}\n' } }, null, 2);
  const { findings } = await lintYaml(json);
  const f = findings.find((x) => x.ruleId === 'corefile/unknown-directive');
  assert.ok(f);
  const line = new LineIndex(json).lineText(f.range.start.line);
  assert.equal(line.slice(f.range.start.character, f.range.end.character), 'forwrd');
  const fixed = apply(json, f.fixes![0].edits);
  assert.equal(JSON.parse(fixed).data.Corefile, '.:53 {\n    errors\n    forward . 10.0.0.2\n}\n');
});

// ---- the folded scalar ---------------------------------------------------------------

const FOLDED = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: >\n    .:53 {\n    errors\n    forward . 10.0.0.2\n    }\n';

test('k8s/embedded-folded: a Corefile in `>` is read on one line; the fix makes it `|`', async () => {
  const { findings } = await lintYaml(FOLDED);
  const f = findings.find((x) => x.ruleId === 'k8s/embedded-folded');
  assert.ok(f);
  assert.equal(f.range.start.line, 5);
  assert.equal(new LineIndex(FOLDED).lineText(5).slice(f.range.start.character, f.range.end.character), '>');
  const fixed = apply(FOLDED, f.fixes![0].edits);
  assert.equal(corefileOf(fixed), '.:53 {\nerrors\nforward . 10.0.0.2\n}\n');
  assert.deepEqual((await lintYaml(fixed)).findings.filter((x) => x.ruleId === 'k8s/embedded-folded'), []);
});

// ---- the pod and its ConfigMap -------------------------------------------------------

const DEPLOYMENT = (items: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: kube-dns
  template:
    metadata:
      labels:
        k8s-app: kube-dns
    spec:
      containers:
      - name: coredns
        image: coredns/coredns:1.13.1
        volumeMounts:
        - name: config-volume
          mountPath: /etc/coredns
      volumes:
      - name: config-volume
        configMap:
          name: coredns
          items:
${items}`;

const CONFIGMAP = (corefile: string, extra = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
${corefile.replace(/^(?=.)/gm, '    ')}${extra}`;

test('k8s/embedded-missing-key: a volume item naming a key the ConfigMap lacks (ConfigMap in another document)', async () => {
  const cm = { uri: 'file:///work/cm.yaml', text: CONFIGMAP('.:53 {\n    forward . 10.0.0.2\n}\n') };
  const deploy = DEPLOYMENT('          - key: Corefile\n            path: Corefile\n          - key: db.example.org\n            path: db.example.org\n');
  const { findings } = await lintYaml(deploy, {}, [cm]);
  const f = findings.find((x) => x.ruleId === 'k8s/embedded-missing-key');
  assert.ok(f);
  assert.match(f.message, /no key 'db.example.org'/);
  assert.equal(new LineIndex(deploy).lineText(f.range.start.line).slice(f.range.start.character, f.range.end.character), 'db.example.org');
  const ok = DEPLOYMENT('          - key: Corefile\n            path: Corefile\n');
  assert.deepEqual((await lintYaml(ok, {}, [cm])).findings.filter((x) => x.ruleId === 'k8s/embedded-missing-key'), []);
});

test("k8s/embedded-missing-key: a Corefile 'file' line naming a key that is not mounted", async () => {
  const corefile = '.:53 {\n    forward . 10.0.0.2\n}\nexample.org {\n    file /etc/coredns/db.example.org\n}\n';
  const zone = '  db.example.org: |\n    @ 3600 IN SOA ns1 admin 1 7200 3600 1209600 3600\n    @ 3600 IN NS ns1\n    ns1 3600 IN A 192.0.2.1\n';
  const missing = `${CONFIGMAP(corefile)}---\n${DEPLOYMENT('          - key: Corefile\n            path: Corefile\n')}`;
  const { findings } = await lintYaml(missing);
  const f = findings.find((x) => x.ruleId === 'k8s/embedded-missing-key');
  assert.ok(f, JSON.stringify(findings.map((x) => x.ruleId)));
  assert.equal(new LineIndex(missing).lineText(f.range.start.line).slice(f.range.start.character, f.range.end.character), '/etc/coredns/db.example.org');
  // The key exists but the volume's items leave it out: still not mounted.
  const notMounted = `${CONFIGMAP(corefile, zone)}---\n${DEPLOYMENT('          - key: Corefile\n            path: Corefile\n')}`;
  assert.ok((await lintYaml(notMounted)).findings.some((x) => x.ruleId === 'k8s/embedded-missing-key'));
  const mounted = `${CONFIGMAP(corefile, zone)}---\n${DEPLOYMENT('          - key: Corefile\n            path: Corefile\n          - key: db.example.org\n            path: db.example.org\n')}`;
  assert.deepEqual((await lintYaml(mounted)).findings.filter((x) => x.ruleId === 'k8s/embedded-missing-key'), []);
});

// ---- resolv-conf-loop where the danger is real ---------------------------------------

test('corefile/resolv-conf-loop is a warning when the resolv.conf beside it lists 127.0.0.53', async () => {
  const text = CONFIGMAP('.:53 {\n    forward . /etc/coredns/resolv.conf\n    loop\n}\n', '  resolv.conf: |\n    nameserver 127.0.0.53\n');
  const f = (await lintYaml(text)).findings.find((x) => x.ruleId === 'corefile/resolv-conf-loop');
  assert.equal(f?.severity, 'warning');
  assert.match(f!.message, /127\.0\.0\.53/);
  const real = CONFIGMAP('.:53 {\n    forward . /etc/coredns/resolv.conf\n    loop\n}\n', '  resolv.conf: |\n    nameserver 10.0.0.2\n');
  assert.equal((await lintYaml(real)).findings.find((x) => x.ruleId === 'corefile/resolv-conf-loop')?.severity, 'information');
});

// ---- coredns-custom -------------------------------------------------------------------

test('coredns-custom: *.server keys are Corefiles, *.override keys directives of the main block; an import sees its sibling key', async () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        forward . 10.0.0.2
        import log.override
    }
    import example.server
  log.override: |
    log
    errros
  example.server: |
    example.org:53 {
        forwrd . 10.0.0.3
    }
`;
  const { findings } = await lintYaml(text);
  const lines = text.split('\n');
  const at = (f: Finding) => lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
  const unknown = findings.filter((f) => f.ruleId === 'corefile/unknown-directive').map(at);
  // Each once, on its own key's line, though each is reached both as a region and through an import.
  assert.deepEqual(unknown.sort(), ['errros', 'forwrd']);
  assert.ok(findings.filter((f) => f.ruleId === 'corefile/unknown-directive').every((f) => f.fixes?.some((x) => x.title.startsWith('Change to'))), 'the kept finding has the typo fix');
  assert.deepEqual(loud(findings).filter((f) => !f.includes('unknown-directive')), []);
  const missing = text.replace('    import example.server\n', '    import missing.server\n');
  assert.ok((await lintYaml(missing)).findings.some((f) => f.ruleId === 'corefile/syntax' && /File to import not found: missing.server/.test(f.message)));
});

// k3s's shape: the Corefile imports /etc/coredns/custom/*.override and *.server, where the
// Deployment mounts the optional coredns-custom ConfigMap.
const K3S_CUSTOM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        forward . /etc/resolv.conf
        cache 30
        import /etc/coredns/custom/*.override
    }
    import /etc/coredns/custom/*.server
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
spec:
  selector:
    matchLabels: { k8s-app: kube-dns }
  template:
    metadata:
      labels: { k8s-app: kube-dns }
    spec:
      containers:
        - name: coredns
          image: rancher/mirrored-coredns-coredns:1.12.0
          args: ["-conf", "/etc/coredns/Corefile"]
          volumeMounts:
            - { name: config-volume, mountPath: /etc/coredns, readOnly: true }
            - { name: custom-config-volume, mountPath: /etc/coredns/custom, readOnly: true }
      volumes:
        - name: config-volume
          configMap: { name: coredns }
        - name: custom-config-volume
          configMap: { name: coredns-custom, optional: true }
`;

test('coredns-custom mounted beside the Corefile: its keys are what the import globs read', async () => {
  const custom = (override: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns-custom
  namespace: kube-system
data:
  log.override: |
    log
  upstream.override: |
    ${override}
`;
  // An override that brings a second cache into the main block: CoreDNS refuses to start
  // ("plugin/cache: this plugin can only be used once per Server Block"). Only the glob shows it.
  const text = `${K3S_CUSTOM}---\n${custom('cache 60')}`;
  const { findings } = await lintYaml(text);
  const lines = text.split('\n');
  const twice = findings.filter((f) => f.ruleId === 'corefile/once-per-block');
  assert.equal(twice.length, 1, loud(findings).join('\n'));
  assert.match(lines[twice[0].range.start.line], /^ {4}cache 60$/, "on coredns-custom's own line");
  // A harmless override: nothing.
  assert.deepEqual(loud((await lintYaml(`${K3S_CUSTOM}---\n${custom('loadbalance')}`)).findings), []);
  // Without coredns-custom in view the optional volume may hold anything: nothing is claimed.
  assert.deepEqual(loud((await lintYaml(K3S_CUSTOM)).findings), []);
});

// ---- formatting, inlay hints and symbols, mapped ---------------------------------------

test('formatting a ConfigMap formats its Corefile inside the block scalar', async () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: |\n    .:53 {\n    errors\n          forward . 10.0.0.2\n    }\n';
  const ctx = { uri: 'file:///f.yaml', settings: DEFAULT_SETTINGS };
  const edits = LANGUAGES.k8s.format!(text, ctx);
  assert.ok(edits.length > 0);
  const formatted = apply(text, edits);
  assert.equal(corefileOf(formatted), LANGUAGES.corefile.format!('.:53 {\nerrors\n      forward . 10.0.0.2\n}\n', ctx).reduce((t, e) => apply(t, [e]), '.:53 {\nerrors\n      forward . 10.0.0.2\n}\n'));
  assert.equal(corefileOf(formatted), '.:53 {\n    errors\n    forward . 10.0.0.2\n}\n');
});

test("a resolv.conf key's inlay hints sit on its YAML lines; the Corefile's server blocks nest under the ConfigMap symbol", () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dns\ndata:\n  resolv.conf: |\n    nameserver 10.0.0.2\n    nameserver 10.0.0.3\n  Corefile: |\n    .:53 {\n        forward . 10.0.0.2\n    }\n';
  const ctx = { uri: 'file:///h.yaml', settings: DEFAULT_SETTINGS };
  const parsed = LANGUAGES.k8s.parse(text, ctx);
  const hints = LANGUAGES.k8s.inlayHints!(parsed, { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, ctx);
  assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[6, '#1'], [7, '#2']]);
  assert.deepEqual(hints.map((h) => h.position.character), ['    nameserver 10.0.0.2'.length, '    nameserver 10.0.0.3'.length]);
  const [cm] = LANGUAGES.k8s.symbols!(parsed, ctx);
  assert.equal(cm.name, 'ConfigMap/dns');
  const block = cm.children?.find((c) => c.name.includes('.:53'));
  assert.ok(block, JSON.stringify(cm.children));
  assert.equal(block.range.start.line, 9);
});

test('which keys are which language: by name, and zone files by their first line', async () => {
  const { languageOfKey } = await import('../../../../server/src/languages/k8s/embedded');
  assert.equal(languageOfKey('Corefile', ''), 'corefile');
  assert.equal(languageOfKey('Corefile.base', ''), 'corefile');
  assert.equal(languageOfKey('stub.server', ''), 'corefile');
  assert.equal(languageOfKey('log.override', ''), 'corefile');
  assert.equal(languageOfKey('resolv.conf', ''), 'resolvconf');
  assert.equal(languageOfKey('example.org.zone', ''), 'zone');
  assert.equal(languageOfKey('db.example.org', ''), 'zone');
  assert.equal(languageOfKey('records', '; the zone\n\n$ORIGIN example.org.\n'), 'zone');
  assert.equal(languageOfKey('records', '@ 3600 IN SOA ns1 admin 1 2 3 4 5\n'), 'zone');
  assert.equal(languageOfKey('records', 'example.org. IN 3600 SOA ns1 admin 1 2 3 4 5\n'), 'zone');
  assert.equal(languageOfKey('app.properties', 'log.level=debug\n'), undefined);
  assert.equal(languageOfKey('nginx.conf', 'server {\n  listen 80;\n}\n'), undefined);
  // Only the first lines are looked at: a value of blank lines is no zone, and no backtracking.
  assert.equal(languageOfKey('blob', `${'\n   '.repeat(50_000)}$ORIGIN example.org.\n`), undefined);
});
