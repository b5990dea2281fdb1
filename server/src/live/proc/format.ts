// Plain-text rendering shared by the readings: aligned tables and human-readable units.

export type Align = 'left' | 'right';

/** Columns padded to their widest cell; the last column is never padded. */
export function table(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        if (i === cells.length - 1 && align[i] !== 'right') return c;
        return align[i] === 'right' ? c.padStart(widths[i]) : c.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
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
