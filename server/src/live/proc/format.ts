// Plain-text rendering shared by the readings: aligned tables and human-readable units.

export type Align = 'left' | 'right';

// Runs of blanks for padding, made once per width (padStart/padEnd copy the cell each time).
const blankRuns: string[] = [''];
export function blanks(n: number): string {
  if (n > 256) return ' '.repeat(n);
  for (let i = blankRuns.length; i <= n; i++) blankRuns.push(blankRuns[i - 1] + ' ');
  return blankRuns[n];
}

/** Whether String.prototype.trimEnd would remove this character (or a superset: see line()). */
function mayTrim(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Lines joined into one string every this many, so the pieces of a line do not outlive it. */
const JOIN_EVERY = 512;

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
      const pad = (widths[i] ?? 0) - c.length; // a cell beyond the header's columns: none
      if (i > 0) s += '  ';
      if (align[i] === 'right') s += pad > 0 ? blanks(pad) + c : c;
      else s += i === last || pad <= 0 ? c : c + blanks(pad);
    }
    // A cell's own trailing blanks are trimmed as before; most lines have none to copy. The
    // line ends with its last cell (the padding of a right-aligned cell goes before it), so
    // look there rather than at the line, which would join its pieces into a new string.
    const tail = cells[last];
    const end = tail !== undefined && tail.length > 0 ? tail.charCodeAt(tail.length - 1) : s.length > 0 ? s.charCodeAt(s.length - 1) : 0x21;
    return mayTrim(end) ? s.trimEnd() : s;
  };
  const chunks: string[] = [];
  let lines: string[] = [line(header)];
  for (const r of rows) {
    lines.push(line(r));
    if (lines.length === JOIN_EVERY) {
      chunks.push(lines.join('\n'));
      lines = [];
    }
  }
  if (lines.length) chunks.push(lines.join('\n'));
  return chunks.join('\n') + '\n';
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
