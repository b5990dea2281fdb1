// `memory`: /proc/meminfo as free shows it (both procps formulas for "used"), plus the raw table.

import { failedReport } from '../../../core/command';
import { table, humanBytes } from '../format';
import { type FreeFormula, type FreeSummary, freeSummary, type MeminfoRow, readMeminfo } from '../meminfo';
import { flagOption, okReport, type Reading, stringOption } from '../report';

export interface MemoryData {
  /** The formula the `free` columns use; `usedProcps3` is the older one's "used". */
  formula: FreeFormula;
  free: FreeSummary;
  usedProcps3: number;
  usedProcps4: number;
  meminfo: MeminfoRow[];
}

const TITLE = 'Memory';

export function parseFormula(value: string | undefined): FreeFormula | undefined {
  if (value === undefined) return 'procps-4';
  if (/^(procps-?)?4$|^new$/i.test(value)) return 'procps-4';
  if (/^(procps-?)?3$|^old$/i.test(value)) return 'procps-3';
  return undefined;
}

export function renderMemory(data: MemoryData, bytes: boolean): string {
  const f = data.free;
  const n = (v: number) => (bytes ? String(v) : humanBytes(v));
  const right: Array<'left' | 'right'> = ['left', 'right', 'right', 'right', 'right', 'right', 'right'];
  let text = table(
    ['', 'total', 'used', 'free', 'shared', 'buff/cache', 'available'],
    [
      ['Mem:', n(f.total), n(f.used), n(f.free), n(f.shared), n(f.buffCache), n(f.available)],
      ['Swap:', n(f.swapTotal), n(f.swapUsed), n(f.swapFree)],
    ],
    right,
  );
  text +=
    data.formula === 'procps-4'
      ? `\nused = total − available (free from procps-ng ≥ 4.0.1).\nOlder free (procps-ng ≤ 4.0.0: Debian 11, Ubuntu 22.04, RHEL 9) shows used = total − free − buff/cache = ${n(data.usedProcps3)}.\n`
      : `\nused = total − free − buff/cache (free from procps-ng ≤ 4.0.0).\nNewer free (procps-ng ≥ 4.0.1) shows used = total − available = ${n(data.usedProcps4)}.\n`;
  if (!f.availableFromKernel) text += 'available: this kernel has no usable MemAvailable (before 3.14, or distorted in a container); free shows MemFree.\n';
  text += `buff/cache = Buffers ${n(f.buffers)} + Cached+SReclaimable ${n(f.cache)}.\n`;
  text += '\n/proc/meminfo\n';
  text += table(
    ['Key', 'Value', 'Unit', 'Bytes'],
    data.meminfo.map((r) => [r.key, String(r.value), r.unit, r.unit === 'kB' ? humanBytes(r.value * 1024) : '']),
    ['left', 'right', 'left', 'right'],
  );
  return text;
}

export const memoryReading: Reading = async (input) => {
  const formula = parseFormula(stringOption(input, 'formula'));
  if (!formula) return failedReport(TITLE, `--formula must be procps-4 (free ≥ 4.0.1) or procps-3 (older free), not '${stringOption(input, 'formula')}'`, 2);
  const rows = await readMeminfo();
  if (!rows.ok) return failedReport(TITLE, rows.error.message);
  if (rows.value.length === 0) return failedReport(TITLE, '/proc/meminfo has no rows');
  const data: MemoryData = {
    formula,
    free: freeSummary(rows.value, formula),
    usedProcps3: freeSummary(rows.value, 'procps-3').used,
    usedProcps4: freeSummary(rows.value, 'procps-4').used,
    meminfo: rows.value,
  };
  return okReport(TITLE, renderMemory(data, flagOption(input, 'bytes')), data);
};
