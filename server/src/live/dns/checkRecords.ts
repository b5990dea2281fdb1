// `infraLens.server.checkRecords`: every RRset of a zone file against the live answers, one
// line each in one table (the "Check all N RRsets live" lens). Runs the single-RRset check
// for each, a few at a time; stops at once when cancelled.

import { type CommandContext, type CommandHandler, failedReport } from '../../core/command';
import type { CheckRecordArgs, Report } from '../../protocol';
import { runCheckRecordCommand } from './checkRecord';

const TITLE = 'Live record check';
const PARALLEL = 4;

function isArgs(a: unknown): a is { rrsets: CheckRecordArgs[] } {
  return typeof a === 'object' && a !== null && Array.isArray((a as { rrsets?: unknown }).rrsets);
}

interface Row {
  rrset: CheckRecordArgs;
  mark: 'ok' | '!!' | '??' | '--';
  summary: string;
}

export const runCheckRecordsCommand: CommandHandler = async (args, ctx: CommandContext): Promise<Report> => {
  if (!ctx.trusted) return failedReport(TITLE, 'DNS lookups are disabled in an untrusted workspace');
  if (!isArgs(args)) return failedReport(TITLE, 'expected { rrsets: [{ name, type, expected }] } or { uri } of a zone document');
  const rows: Row[] = args.rrsets.map((rrset) => ({ rrset, mark: '--', summary: 'not checked (cancelled)' }));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length && !ctx.isCancelled() && !ctx.signal?.aborted) {
      const row = rows[next++];
      const r = await runCheckRecordCommand(row.rrset, { ...ctx, progress: undefined });
      done++;
      ctx.progress?.(`${done} of ${rows.length}: ${row.rrset.name} ${row.rrset.type}`);
      const data = r.data as { matches?: boolean; servers?: Array<{ server: string; matches: boolean; outcome: string }> } | null;
      if (!r.ok) row.mark = '??';
      else row.mark = data?.matches ? 'ok' : '!!';
      const differing = data?.servers?.filter((s) => !s.matches).map((s) => s.server) ?? [];
      row.summary = !r.ok ? (r.error ?? 'no answer') : data?.matches ? `matches on ${data.servers?.length ?? 0} server(s)` : `differs on ${differing.join(', ')}`;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, rows.length) }, worker));
  const width = Math.min(60, Math.max(4, ...rows.map((r) => `${r.rrset.name} ${r.rrset.type}`.length)));
  const count = (m: Row['mark']) => rows.filter((r) => r.mark === m).length;
  const lines = [
    `;; ${rows.length} RRsets: ${count('ok')} match, ${count('!!')} differ, ${count('??')} unanswered${count('--') ? `, ${count('--')} not checked` : ''}`,
    '',
    ...rows.map((r) => `${r.mark} ${`${r.rrset.name} ${r.rrset.type}`.padEnd(width)}  ${r.summary}`),
  ];
  return {
    ok: count('ok') + count('!!') > 0,
    title: `${TITLE}: ${rows.length} RRsets`,
    text: `${lines.join('\n')}\n`,
    data: rows.map((r) => ({ name: r.rrset.name, type: r.rrset.type, result: r.mark, summary: r.summary })),
    exitCode: count('!!') || count('??') ? 1 : 0,
    error: count('ok') + count('!!') === 0 ? 'no server replied' : undefined,
  };
};
