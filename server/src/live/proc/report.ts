// Building blocks every reading uses: its options, and the Report it returns.

import type { CommandContext } from '../../core/command';
import type { ProcArgs, Report } from '../../protocol';

export interface ReadingInput {
  pid?: number;
  options: Record<string, string | boolean>;
  ctx: CommandContext;
}

export type Reading = (input: ReadingInput) => Promise<Report>;

export function okReport<T>(title: string, text: string, data: T): Report<T> {
  return { ok: true, title, text, data };
}

/** A string option (`--state LISTEN`); a bare flag counts as absent. */
export function stringOption(input: ReadingInput | ProcArgs, name: string): string | undefined {
  const v = input.options?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** A boolean flag (`--unmask`, `--unmask=true`). */
export function flagOption(input: ReadingInput | ProcArgs, name: string): boolean {
  const v = input.options?.[name];
  return v === true || v === 'true' || v === '1' || v === 'yes';
}

/** A sampling interval in ms (`--interval 500`), clamped to 50 ms … 10 s. */
export function intervalOption(input: ReadingInput, fallback = 1000): number {
  const raw = stringOption(input, 'interval');
  const n = raw === undefined ? fallback : Number(raw);
  return Number.isFinite(n) ? Math.min(10000, Math.max(50, Math.round(n))) : fallback;
}
