// schemaJson() for the bundles in dist/: the table's JSON text is dist/k8s-schemas.json,
// written by esbuild.mjs from schemaTable.ts, and read only when a Kubernetes schema is
// first asked for (see schemaJson.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file's name, beside the bundle that reads it. */
const SCHEMA_JSON_FILE = 'k8s-schemas.json';

export function schemaJson(): string {
  const file = path.join(__dirname, SCHEMA_JSON_FILE);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`the Kubernetes schemas are missing (${file}: ${(e as Error).message}); reinstall Infra Lens`);
  }
}
