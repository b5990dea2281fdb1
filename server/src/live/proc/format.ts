// Plain-text rendering shared by the readings: aligned tables and human-readable units.

export type Align = 'left' | 'right';

/** Columns padded to their widest cell; the last column is never padded. */
export function table(header: string[], rows: string[][], align: Align[] = []): string {
  // Plain loops: `proc sockets` formats tens of thousands of rows once, before the JIT warms up.
  const widths = header.map((h) => h.length);
  for (const r of rows) {
    for (let i = 0; i < widths.length; i++) {
      const w = (r[i] ?? '').length;
      if (w > widths[i]) widths[i] = w;
    }
  }
  const line = (cells: string[]): string => {
    // Cells after the last non-empty one add nothing (no padding to trim off afterwards).
    let last = cells.length - 1;
    while (last > 0 && cells[last] === '') last--;
    let s = '';
    for (let i = 0; i <= last; i++) {
      const c = cells[i];
      if (i > 0) s += '  ';
      if (align[i] === 'right') s += c.padStart(widths[i]);
      else s += i === last ? c : c.padEnd(widths[i]);
    }
    // A cell's own trailing blanks are trimmed as before; most lines have none to copy.
    const end = s.charCodeAt(s.length - 1);
    // (A superset of what trimEnd removes, so the result is always trimEnd's.)
    const blank = end <= 32 || end === 0xa0 || end === 0x1680 || (end >= 0x2000 && end <= 0x200a) || end === 0x2028 || end === 0x2029 || end === 0x202f || end === 0x205f || end === 0x3000 || end === 0xfeff;
    return blank ? s.trimEnd() : s;
  };
  const lines = [line(header)];
  for (const r of rows) lines.push(line(r));
  return lines.join('\n') + '\n';
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 -> "1.5 KiB" (binary units, as free -h shows them). */
export function humanBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** 93784 -> "1 day, 2:03" (uptime's layout, with seconds dropped). */
export function humanDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const clock = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : `${minutes} min`;
  return days > 0 ? `${days} day${days === 1 ? '' : 's'}, ${clock}` : clock;
}

export function percent(value: number): string {
  return `${value.toFixed(1)}%`;
}

/** Notes for what could not be read, appended to a report's text. */
export function notes(lines: string[]): string {
  return lines.length ? '\nNot readable:\n' + lines.map((l) => `  - ${l}\n`).join('') : '';
}
