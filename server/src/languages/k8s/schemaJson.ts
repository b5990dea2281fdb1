// The schema table's JSON text, for the in-process tests and anything bundled from the
// sources. The bundles in dist/ read it from k8s-schemas.json beside them instead
// (schemaJsonFile.ts, swapped in by esbuild.mjs): as a 900 KB string literal it cost every
// CLI run and every server start ~60 ms of compile, whether a Kubernetes file came or not.

import { SCHEMA_JSON } from './schemaTable';

export function schemaJson(): string {
  return SCHEMA_JSON;
}
