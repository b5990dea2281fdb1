// Big generated documents shared by the editor benchmarks (bench/lsp.mjs, bench/editor.mjs):
// the 100,000-record zone (zoneLines, which bench/zone.mjs writes too), a 2,000-document manifest
// set and a 5,000-line Corefile. Deterministic, so runs compare.

/**
 * The benchmark zone, line by line (no newline): `records` records, a mix of A, AAAA, TXT, MX,
 * CNAME, SRV and CAA under bench.example. One generator for every benchmark (bench/zone.mjs
 * streams it to a file; the editor benchmarks join it).
 */
export function* zoneLines(records = 100_000) {
  const head = [
    '$ORIGIN bench.example.',
    '$TTL 3600',
    '@ IN SOA ns1 hostmaster 2026112501 7200 3600 1209600 300',
    '@ IN NS ns1',
    '@ IN NS ns2',
    '@ IN MX 10 mail',
    'ns1 IN A 192.0.2.1',
    'ns2 IN A 192.0.2.2',
    'mail IN A 192.0.2.3',
  ];
  yield* head;
  for (let i = 0, written = head.length; written < records; i++, written++) {
    const o = `h${i}`;
    switch (i % 8) {
      case 0: yield `${o} IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`; break;
      case 1: yield `${o} 300 IN AAAA 2001:db8::${(i & 0xffff).toString(16)}`; break;
      case 2: yield `${o} IN TXT "v=spf1 -all"`; break;
      case 3: yield `${o} IN MX 10 mail`; break;
      case 4: yield `${o} IN CNAME h${i - 4}`; break;
      case 5: yield `_sip._tcp.${o} IN SRV 10 60 5060 h${i - 5}`; break;
      case 6: yield `${o} IN CAA 0 issue "ca.example.net"`; break;
      default: yield `${o} IN A 192.0.2.${(i % 250) + 1}`;
    }
  }
}

/** The benchmark zone as one text (zoneLines joined, newline-terminated). */
export function zoneText(records = 100_000) {
  return [...zoneLines(records)].join('\n') + '\n';
}

/** One YAML stream of `documents` manifests: Deployments, their Services, ConfigMaps. */
export function manifestsText(documents = 2_000) {
  const out = [];
  for (let i = 0; out.length < documents; i++) {
    const app = `app${i}`;
    out.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: bench
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers:
        - name: web
          image: registry.example/${app}:1.${i % 10}
          ports: [{containerPort: 8080}]
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
`);
    if (out.length < documents) {
      out.push(`apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: bench
spec:
  selector: {app: ${app}}
  ports: [{port: 80, targetPort: 8080}]
`);
    }
    if (out.length < documents) {
      out.push(`apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
  namespace: bench
data:
  LOG_LEVEL: info
`);
    }
  }
  return out.join('---\n');
}

/** A Corefile of about `lines` lines: server blocks with the common plugins. */
export function corefileText(lines = 5_000) {
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(`zone${i}.example.org:53 {`, '    errors', '    cache 30', `    forward . 10.0.${(i >> 8) & 255}.${i & 255}`, '    log', '}');
  }
  return out.join('\n') + '\n';
}
