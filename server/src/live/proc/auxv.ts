// /proc/self/auxv: the ELF auxiliary vector, pairs of native-endian words. AT_CLKTCK (17)
// is USER_HZ (the unit of every tick count in /proc), AT_PAGESZ (6) the page size; reading
// them here works where getconf is missing.

import * as os from 'node:os';
import { procPath, readBytes } from './procfs';

export const AT_PAGESZ = 6;
export const AT_CLKTCK = 17;

export function parseAuxv(bytes: Buffer, wordSize: 4 | 8 = 8, endianness: 'LE' | 'BE' = os.endianness()): Map<number, bigint> {
  const out = new Map<number, bigint>();
  const word = (at: number): bigint => {
    if (wordSize === 8) return endianness === 'LE' ? bytes.readBigUInt64LE(at) : bytes.readBigUInt64BE(at);
    return BigInt(endianness === 'LE' ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  };
  for (let at = 0; at + 2 * wordSize <= bytes.length; at += 2 * wordSize) {
    const type = Number(word(at));
    if (type === 0) break; // AT_NULL ends the vector
    out.set(type, word(at + wordSize));
  }
  return out;
}

export interface SystemUnits {
  /** USER_HZ: clock ticks per second. */
  hz: number;
  pageSize: number;
  /** True when auxv was not readable and the mainstream defaults are assumed. */
  assumed: boolean;
}

let cached: SystemUnits | undefined;

export async function systemUnits(): Promise<SystemUnits> {
  if (cached) return cached;
  const bytes = await readBytes(procPath('self', 'auxv'));
  const wordSize = ['x64', 'arm64', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el'].includes(process.arch) ? 8 : 4;
  const aux = bytes.ok ? parseAuxv(bytes.value, wordSize) : new Map<number, bigint>();
  const hz = aux.get(AT_CLKTCK);
  const page = aux.get(AT_PAGESZ);
  cached = { hz: hz ? Number(hz) : 100, pageSize: page ? Number(page) : 4096, assumed: !hz || !page };
  return cached;
}
