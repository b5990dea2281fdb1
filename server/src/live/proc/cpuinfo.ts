// /proc/cpuinfo: blocks of `key<TABs>: value` separated by blank lines. Keys differ by
// architecture (x86 "model name"/"flags", arm64 "CPU implementer"/"CPU part"/"Features" and
// no model name, ppc64le "cpu"), and machine-wide blocks can follow the per-CPU ones.

import { procPath, readText, type ReadResult } from './procfs';

export type CpuinfoBlock = Map<string, string>;

export function parseCpuinfo(text: string): CpuinfoBlock[] {
  const blocks: CpuinfoBlock[] = [];
  let current: CpuinfoBlock | undefined;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (line.trim() === '' || colon < 0) {
      if (line.trim() === '') current = undefined;
      continue;
    }
    if (!current) blocks.push((current = new Map()));
    current.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return blocks;
}

/** Arm implementer and part numbers lscpu knows by name (a small subset of util-linux lscpu-arm.c). */
const ARM_IMPLEMENTERS: Record<string, { name: string; parts: Record<string, string> }> = {
  '0x41': {
    name: 'ARM',
    parts: {
      '0xd03': 'Cortex-A53', '0xd04': 'Cortex-A35', '0xd05': 'Cortex-A55', '0xd07': 'Cortex-A57', '0xd08': 'Cortex-A72',
      '0xd09': 'Cortex-A73', '0xd0a': 'Cortex-A75', '0xd0b': 'Cortex-A76', '0xd0c': 'Neoverse-N1', '0xd0d': 'Cortex-A77',
      '0xd40': 'Neoverse-V1', '0xd41': 'Cortex-A78', '0xd49': 'Neoverse-N2', '0xd4f': 'Neoverse-V2',
    },
  },
  '0x48': { name: 'HiSilicon', parts: { '0xd01': 'Kunpeng-920' } },
  '0x61': { name: 'Apple', parts: {} },
  '0xc0': { name: 'Ampere', parts: { '0xac3': 'Ampere-1', '0xac4': 'Ampere-1a' } },
};

export interface CpuSummary {
  architecture: 'x86' | 'arm64' | 'arm' | 'ppc64' | 'other';
  model: string;
  vendor?: string;
  /** Online logical CPUs (processor entries). */
  threads: number;
  /** Distinct physical ids; 1 when the kernel does not say. */
  sockets: number;
  /** Distinct (physical id, core id) pairs; the thread count when not reported. */
  cores: number;
  /** x86 flags or arm Features. */
  flags: string[];
  bogomips?: number;
  /** Machine-wide keys from trailing blocks without "processor" (Hardware, Revision, timebase …). */
  machine: Record<string, string>;
}

export function summarizeCpuinfo(blocks: CpuinfoBlock[]): CpuSummary {
  const cpus = blocks.filter((b) => b.has('processor') && /^\d+$/.test(b.get('processor') ?? ''));
  const machine: Record<string, string> = {};
  for (const b of blocks) if (!cpus.includes(b)) for (const [k, v] of b) machine[k] = v;
  const first = cpus[0] ?? new Map<string, string>();
  let architecture: CpuSummary['architecture'] = 'other';
  let model = first.get('model name') ?? '';
  let vendor = first.get('vendor_id');
  if (first.has('flags') || first.has('vendor_id')) architecture = 'x86';
  else if (first.has('CPU implementer')) {
    architecture = /^[0-7]$/.test(first.get('CPU architecture') ?? '') ? 'arm' : 'arm64';
    if (first.has('model name') && /ARMv[5-7]/.test(model)) architecture = 'arm';
    const impl = ARM_IMPLEMENTERS[(first.get('CPU implementer') ?? '').toLowerCase()];
    const part = (first.get('CPU part') ?? '').toLowerCase();
    vendor = impl?.name ?? first.get('CPU implementer');
    if (!model) model = impl?.parts[part] ?? `implementer ${first.get('CPU implementer')} part ${first.get('CPU part') ?? '?'}`;
  } else if (first.has('cpu') && (first.has('revision') || first.has('clock'))) {
    architecture = 'ppc64';
    model = first.get('cpu') ?? '';
  }
  const sockets = new Set(cpus.map((c) => c.get('physical id')).filter((v) => v !== undefined));
  const cores = new Set(cpus.filter((c) => c.has('core id')).map((c) => `${c.get('physical id') ?? 0}:${c.get('core id')}`));
  const flags = (first.get('flags') ?? first.get('Features') ?? '').split(/\s+/).filter(Boolean);
  const bogo = Number(first.get('bogomips') ?? first.get('BogoMIPS'));
  return {
    architecture,
    model: model || '(not reported)',
    vendor,
    threads: cpus.length,
    sockets: sockets.size || 1,
    cores: cores.size || cpus.length,
    flags,
    bogomips: Number.isFinite(bogo) && bogo > 0 ? bogo : undefined,
    machine,
  };
}

export async function readCpuinfo(): Promise<ReadResult<CpuinfoBlock[]>> {
  const text = await readText(procPath('cpuinfo'));
  return text.ok ? { ok: true, value: parseCpuinfo(text.value) } : text;
}
