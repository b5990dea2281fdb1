// "Infra Lens: Bump SOA Serial": finds the SOA of a zone document and returns the edit that
// raises its serial. YYYYMMDDnn serials move to today (nn = 00) or, when already today or
// in the future, go up by one; any other serial goes up by one (RFC 1982 serial arithmetic:
// it wraps modulo 2^32, so it always counts as newer).

import { fileURLToPath } from 'node:url';
import { type CommandContext, type CommandHandler, failedReport } from '../../core/command';
import { DEFAULT_INCLUDE_MAX_BYTES, IncludeRefused } from '../../core/includePolicy';
import { readRegularFile } from '../../core/includeReader';
import { DEFAULT_SETTINGS } from '../../core/settings';
import type { BumpSoaSerialArgs, BumpSoaSerialResult, Report } from '../../protocol';
import { RrsetCollector } from './liveLens';
import { parseZone } from './parser';
import { tokenRange } from './ruleKit';

const TITLE = 'Bump SOA serial';
const CHECK_TITLE = 'Live record check';

/** The next serial for `current` on the UTC day `today` (YYYYMMDD as a number). */
export function nextSerial(current: number, today: number): number {
  const text = String(current);
  const m = /^(\d{8})(\d{2})$/.exec(text);
  if (m && plausibleDate(m[1])) {
    const todaySerial = today * 100;
    if (todaySerial > current && todaySerial <= 0xffffffff) return todaySerial;
  }
  return (current + 1) % 2 ** 32;
}

function plausibleDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const mo = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

export function todayNumber(now = new Date()): number {
  return now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
}

/** The edit for a zone text, or why there is none. */
export function bumpSerialEdit(text: string, uri: string, today = todayNumber()): { result: BumpSoaSerialResult; from: number; to: number } | { error: string } {
  const ast = parseZone(text, { uri, settings: DEFAULT_SETTINGS });
  const soa = ast.records.find((r) => r.type === 'SOA' && !r.uri && !r.generated);
  const serial = soa?.values?.[2];
  if (!soa || !serial) return { error: soa ? 'the SOA record does not parse; fix it first' : 'no SOA record in this file' };
  const from = serial.value as number;
  const to = nextSerial(from, today);
  return { result: { edits: [{ range: tokenRange(serial.tokens[0]), newText: String(to) }] }, from, to };
}

/** The text of a document the command names: the editor's copy, else the saved file (trusted only). */
function documentText(uri: string, ctx: CommandContext, title: string): string | Report<null> {
  let text = ctx.documentText?.(uri);
  if (text === undefined && uri.startsWith('file:')) {
    // Only a saved file of a trusted workspace, read as a regular file of bounded size
    // (a FIFO or /dev/zero behind a file: URI must neither block nor exhaust memory).
    if (!ctx.trusted) return failedReport(title, `the document ${uri} is not open, and files are not read in an untrusted workspace`, 2);
    try {
      text = readRegularFile(fileURLToPath(uri), DEFAULT_INCLUDE_MAX_BYTES);
    } catch (e) {
      return failedReport(title, `cannot read ${uri}: ${e instanceof IncludeRefused ? e.reason : (e as Error).message}`, 2);
    }
  }
  if (text === undefined) return failedReport(title, `the document ${uri} is not open`, 2);
  return text;
}

export const runBumpSoaSerialCommand: CommandHandler = async (args, ctx) => {
  const uri = (args as Partial<BumpSoaSerialArgs> | undefined)?.uri;
  if (typeof uri !== 'string' || !uri) return failedReport(TITLE, 'no document given (expected { uri })', 2);
  const text = documentText(uri, ctx, TITLE);
  if (typeof text !== 'string') return text;
  const r = bumpSerialEdit(text, uri);
  if ('error' in r) return failedReport(TITLE, r.error);
  const report: Report<BumpSoaSerialResult> = { ok: true, title: TITLE, text: `SOA serial ${r.from} -> ${r.to}\n`, data: r.result };
  return report;
};

/**
 * `infraLens.server.checkRecords` given `{ uri }` (the "Check all" lens): the RRsets of the
 * zone document as it reads now, then the live check of `{ rrsets }` as given.
 */
export function checkZoneRecords(checkRecords: CommandHandler): CommandHandler {
  return async (args, ctx) => {
    const uri = (args as { uri?: unknown } | undefined)?.uri;
    if (typeof uri !== 'string' || (args as { rrsets?: unknown }).rrsets !== undefined) return checkRecords(args, ctx);
    if (!ctx.trusted) return failedReport(CHECK_TITLE, 'DNS lookups are disabled in an untrusted workspace');
    const text = documentText(uri, ctx, CHECK_TITLE);
    if (typeof text !== 'string') return text;
    // Streamed: the records go to the collector and are not kept (a third of a full parse's time).
    const collector = new RrsetCollector();
    parseZone(text, { uri, settings: ctx.settings }, { keepRecords: false, onRecord: (r) => collector.add(r) });
    const rrsets = collector.entries().map((e) => e.args);
    if (rrsets.length === 0) return failedReport(CHECK_TITLE, `no RRsets to check in ${uri}`);
    return checkRecords({ rrsets }, ctx);
  };
}
