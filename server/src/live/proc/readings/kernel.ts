// `kernel`: /proc/version (the release is `uname -r`, the build string `uname -v`).

import { failedReport } from '../../../core/command';
import { procPath, readText } from '../procfs';
import { type KernelVersion, parseVersion, readVersion } from '../version';
import { okReport, type Reading } from '../report';

export interface KernelData extends KernelVersion {
  hostname?: string;
}

export function renderKernel(k: KernelData): string {
  return `${k.sysname} ${k.release}\n` + (k.build ? `build: ${k.build}\n` : '') + (k.hostname ? `hostname: ${k.hostname}\n` : '') + `\n${k.text}\n`;
}

export const kernelReading: Reading = async () => {
  const text = await readVersion();
  if (!text.ok) return failedReport('Kernel', text.error.message);
  const version = parseVersion(text.value);
  if (!version) return failedReport('Kernel', `cannot understand /proc/version: ${JSON.stringify(text.value.slice(0, 80))}`);
  const hostname = await readText(procPath('sys', 'kernel', 'hostname'));
  const data: KernelData = { ...version, hostname: hostname.ok ? hostname.value.trim() : undefined };
  return okReport('Kernel', renderKernel(data), data);
};
