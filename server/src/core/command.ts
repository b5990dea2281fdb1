// Server commands are plain async functions over JSON arguments returning a Report.
// The LSP server registers them for workspace/executeCommand; the CLI calls them directly.

import type { Report } from '../protocol';
import type { Settings } from './settings';

export interface CommandContext {
  settings: Settings;
  /** False in an untrusted workspace: live readings and lookups refuse to run. */
  trusted: boolean;
  isCancelled: () => boolean;
  /** Aborts when the user cancels: network work in flight stops at once. */
  signal?: AbortSignal;
  /** What runs now, for the front end's progress line ("@10.0.0.1: try 2 of 3"). */
  progress?: (message: string) => void;
  /** Text of an open document (the editor's unsaved copy), if the front end has it. */
  documentText?: (uri: string) => string | undefined;
  /** Progress / diagnostics log (the "Infra Lens" output channel; stderr in the CLI). */
  log: (message: string) => void;
}

export type CommandHandler = (args: unknown, ctx: CommandContext) => Promise<Report>;

export function failedReport(title: string, error: string, exitCode = 1): Report<null> {
  return { ok: false, title, text: `${title}: ${error}\n`, data: null, error, exitCode };
}
