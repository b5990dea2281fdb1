// npm run bench:k8s — our lint of 2,000 generated manifests (one file, `---` separated)
// next to the bare `yaml` parse of the same text, as a ratio. Not part of `npm test`.

import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { lintText } from '../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { k8sLanguage } from '../server/src/languages/k8s';

function manifest(i: number): string {
  const name = `app-${i}`;
  switch (i % 4) {
    case 0:
      return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  clusterIP: None\n  selector: {app: app-${i + 1}}\n  ports:\n    - name: http\n      port: 80\n`;
    case 1:
      return `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: app-${i - 1}\n  replicas: 3\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      dnsPolicy: ClusterFirst\n      containers:\n        - name: main\n          image: nginx:1.27\n          ports: [{name: http, containerPort: 80}]\n          resources:\n            requests: {cpu: 250m, memory: 256Mi}\n            limits: {cpu: 500m, memory: 512Mi}\n          resizePolicy:\n            - {resourceName: cpu, restartPolicy: NotRequired}\n            - {resourceName: memory, restartPolicy: RestartContainer}\n`;
    case 2:
      return `apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: ${name}\nspec:\n  targetRef: {apiVersion: apps/v1, kind: StatefulSet, name: app-${i - 1}}\n  updatePolicy:\n    updateMode: InPlaceOrRecreate\n  resourcePolicy:\n    containerPolicies:\n      - containerName: main\n        minAllowed: {cpu: 100m, memory: 128Mi}\n        maxAllowed: {cpu: '2', memory: 4Gi}\n`;
    default:
      return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          resources:\n            requests: {cpu: 100m, memory: 500m}\n`;
  }
}

const DOCUMENTS = 2000;
const text = Array.from({ length: DOCUMENTS }, (_, i) => manifest(i)).join('---\n');

/** Median times of a and b, run alternately so that load on the machine hits both alike. */
async function medians(runs: number, a: () => unknown, b: () => unknown): Promise<[number, number]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await a();
    ta.push(performance.now() - start);
    start = performance.now();
    await b();
    tb.push(performance.now() - start);
  }
  const mid = (t: number[]) => t.sort((x, y) => x - y)[Math.floor(runs / 2)];
  return [mid(ta), mid(tb)];
}

(async () => {
  const ctx = { uri: 'file:///bench/manifests.yaml', settings: DEFAULT_SETTINGS };
  // Warm-up, and a sanity check that the rules ran.
  const { findings } = await lintText(k8sLanguage, text, ctx);
  const [parse, lint] = await medians(9, () => parseAllDocuments(text), () => lintText(k8sLanguage, text, ctx));
  console.log(`${DOCUMENTS} documents, ${(text.length / 1024).toFixed(0)} KiB, ${findings.length} findings`);
  console.log(`yaml parseAllDocuments: ${parse.toFixed(1)} ms`);
  console.log(`infra-lens k8s lint:    ${lint.toFixed(1)} ms (parse + all rules)`);
  console.log(`ratio lint / bare parse: ${(lint / parse).toFixed(2)}x`);
})();
