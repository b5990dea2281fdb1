// `cpu`: a summary of /proc/cpuinfo (model, sockets/cores/threads, flags).

import { failedReport } from '../../../core/command';
import { type CpuSummary, readCpuinfo, summarizeCpuinfo } from '../cpuinfo';
import { okReport, type Reading } from '../report';

export type CpuData = CpuSummary;

function wrap(words: string[], width = 88, indent = '  '): string {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function renderCpu(c: CpuData): string {
  let text = `Model:        ${c.model}\n`;
  if (c.vendor) text += `Vendor:       ${c.vendor}\n`;
  text += `Architecture: ${c.architecture}\n`;
  text += `CPUs online:  ${c.threads} (${c.sockets} socket${c.sockets === 1 ? '' : 's'}, ${c.cores} core${c.cores === 1 ? '' : 's'}, ${c.threads} thread${c.threads === 1 ? '' : 's'})\n`;
  if (c.bogomips !== undefined) text += `BogoMIPS:     ${c.bogomips}\n`;
  for (const [k, v] of Object.entries(c.machine)) text += `${`${k}:`.padEnd(14)}${v}\n`;
  if (c.flags.length) text += `Flags (${c.flags.length}):\n${wrap(c.flags)}`;
  return text;
}

export const cpuReading: Reading = async () => {
  const blocks = await readCpuinfo();
  if (!blocks.ok) return failedReport('CPU info', blocks.error.message);
  const data = summarizeCpuinfo(blocks.value);
  if (data.threads === 0) return failedReport('CPU info', '/proc/cpuinfo lists no processor');
  return okReport('CPU info', renderCpu(data), data);
};
