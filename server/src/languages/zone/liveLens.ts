// A code lens on each RRset of the document: "Check live" asks the zone's authoritative
// servers (found through the resolver by the live/dns checkRecord command) and reports
// whether their answer matches the file. The lens only names the command; nothing here
// does I/O.

import type { CodeLensEntry } from '../../core/languageService';
import { type CheckRecordArgs, type CheckRecordsArgs, SHOW_SERVER_REPORT, ServerCommands } from '../../protocol';
import type { ZoneAst, ZoneRecord } from './model';
import { relativeName } from './names';
import { tokenRange } from './ruleKit';

/** Signatures and denial records change with every re-signing: comparing them says nothing. */
const NOT_COMPARED = new Set(['RRSIG', 'NSEC', 'NSEC3', 'NSEC3PARAM']);

/** Beyond this many RRsets a zone is a bulk file, not one a person checks record by record. */
export const MAX_LIVE_LENSES = 2000;

/**
 * The RRsets the live check compares, gathered record by record in file order: at most
 * MAX_LIVE_LENSES, from the document itself (not $INCLUDEd files or $GENERATE), class IN,
 * no signatures. Takes each record as it is read, so the command can stream a parse.
 */
export class RrsetCollector {
  private readonly byKey = new Map<string, { args: CheckRecordArgs; first: ZoneRecord }>();
  // Past the cap only records of the owners already taken can join an RRset (a later record
  // of a kept RRset must be in its expected data): a Set lookup, not a key string, per record.
  private readonly owners = new Set<string>();
  capped = false;

  add(r: ZoneRecord): void {
    if (!compared(r)) return;
    if (this.capped && !this.owners.has(r.owner)) return;
    const key = `${r.owner} ${r.type}`;
    const known = this.byKey.get(key);
    // The text now: a streamed parse's record is not kept.
    const data = r.rdata.map((t) => t.text).join(' ');
    if (known) known.args.expected.push(data);
    else if (this.byKey.size >= MAX_LIVE_LENSES) this.capped = true;
    else {
      this.byKey.set(key, { args: { name: r.owner, type: r.type, expected: [data] }, first: r });
      this.owners.add(r.owner);
    }
  }

  /** Each RRset's check arguments and its first record, in order of first appearance. */
  entries(): Array<{ args: CheckRecordArgs; first: ZoneRecord }> {
    return [...this.byKey.values()];
  }
}

/** Whether a record is in an RRset the live check compares (RrsetCollector.add's test). */
function compared(r: ZoneRecord): boolean {
  return !r.uri && !r.generated && r.class === 'IN' && !NOT_COMPARED.has(r.type);
}

/**
 * The RRset count of the "Check all" lens's title, as RrsetCollector counts them, without
 * their data: it stops at the first RRset past the cap (a bulk zone's other 98,000 records
 * cannot change the title), so the lens the editor asks for after every edit costs little.
 */
function countRrsets(ast: ZoneAst): { count: number; capped: boolean } {
  const keys = new Set<string>();
  for (const r of ast.records) {
    if (!compared(r)) continue;
    keys.add(`${r.owner} ${r.type}`);
    if (keys.size > MAX_LIVE_LENSES) return { count: MAX_LIVE_LENSES, capped: true };
  }
  return { count: keys.size, capped: false };
}

function collectRrsets(ast: ZoneAst): RrsetCollector {
  const c = new RrsetCollector();
  for (const r of ast.records) c.add(r);
  return c;
}

/** The document's RRsets as the live check compares them (see RrsetCollector). */
export function zoneRrsets(ast: ZoneAst): { rrsets: CheckRecordArgs[]; capped: boolean } {
  const c = collectRrsets(ast);
  return { rrsets: c.entries().map((e) => e.args), capped: c.capped };
}

/**
 * One "Check all N RRsets live" lens at the SOA (or the first record; "Check the first N"
 * past MAX_LIVE_LENSES RRsets, in file order); with `perRRset`, a
 * "Check live" lens on every RRset too (off by default: a lens per RRset nearly doubles the
 * height of a zone file). The "Check all" lens names the document, not its RRsets: the
 * command reads them from the text when it runs, so the lens the editor asks for after
 * every edit stays a few hundred bytes (a bulk zone's 2,000 RRsets are ~150 KB of JSON).
 */
export function zoneLiveLenses(ast: ZoneAst, perRRset = false): CodeLensEntry[] {
  const c = perRRset ? collectRrsets(ast) : undefined;
  const rrsets = c ? c.entries() : [];
  const { count, capped } = c ? { count: rrsets.length, capped: c.capped } : countRrsets(ast);
  if (count === 0) return [];
  const anchor = ast.records.find((r) => !r.uri && r.type === 'SOA') ?? ast.records.find((r) => !r.uri);
  const lenses: CodeLensEntry[] = [];
  if (anchor) {
    const args: CheckRecordsArgs = { uri: ast.uri };
    const title = capped ? `Check the first ${count} RRsets live` : `Check all ${count} RRset${count === 1 ? '' : 's'} live`;
    lenses.push({ range: tokenRange(anchor.typeToken), title, command: SHOW_SERVER_REPORT, arguments: [ServerCommands.checkRecords, args] });
  }
  if (!perRRset) return lenses;
  for (const { args, first } of rrsets) {
    lenses.push({
      range: tokenRange(first.typeToken),
      title: `Check live: ${relativeName(first.owner, ast.origin)} ${first.type}`,
      command: SHOW_SERVER_REPORT,
      arguments: [ServerCommands.checkRecord, args],
    });
  }
  return lenses;
}
