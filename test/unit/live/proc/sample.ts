// Reads a captured /proc sample (test/unit/live/proc/samples/) from the repository.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../../helpers';

export const samplesDir = path.join(repoRoot, 'test', 'unit', 'live', 'proc', 'samples');

export function sample(name: string): string {
  return fs.readFileSync(path.join(samplesDir, name), 'utf8');
}

export function sampleBytes(name: string): Buffer {
  return fs.readFileSync(path.join(samplesDir, name));
}
