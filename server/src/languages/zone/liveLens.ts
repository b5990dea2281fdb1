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

/** The document's RRsets as the live check compares them, in file order; at most MAX_LIVE_LENSES. */
export function zoneRrsets(ast: ZoneAst): { rrsets: CheckRecordArgs[]; capped: boolean } {
  const { groups, capped } = rrsetGroups(ast);
  return { rrsets: groups.map(rrsetArgs), capped };
}

/** The records of each RRset (see zoneRrsets). */
function rrsetGroups(ast: ZoneAst): { groups: ZoneRecord[][]; capped: boolean } {
  const rrsets = new Map<string, ZoneRecord[]>();
  // Past the cap only records of the owners already taken can join an RRset (a later record
  // of a kept RRset must be in its expected data): a Set lookup, not a key string, per record.
  const owners = new Set<string>();
  let capped = false;
  for (const r of ast.records) {
    if (r.uri || r.generated || r.class !== 'IN' || NOT_COMPARED.has(r.type)) continue;
    if (capped && !owners.has(r.owner)) continue;
    const key = `${r.owner} ${r.type}`;
    const list = rrsets.get(key);
    if (list) list.push(r);
    else if (rrsets.size >= MAX_LIVE_LENSES) capped = true;
    else {
      rrsets.set(key, [r]);
      owners.add(r.owner);
    }
  }
  return { groups: [...rrsets.values()], capped };
}

function rrsetArgs(records: ZoneRecord[]): CheckRecordArgs {
  return { name: records[0].owner, type: records[0].type, expected: records.map((r) => r.rdata.map((t) => t.text).join(' ')) };
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
  const { groups, capped } = rrsetGroups(ast);
  if (groups.length === 0) return [];
  const anchor = ast.records.find((r) => !r.uri && r.type === 'SOA') ?? ast.records.find((r) => !r.uri);
  const lenses: CodeLensEntry[] = [];
  if (anchor) {
    const args: CheckRecordsArgs = { uri: ast.uri };
    const title = capped ? `Check the first ${groups.length} RRsets live` : `Check all ${groups.length} RRset${groups.length === 1 ? '' : 's'} live`;
    lenses.push({ range: tokenRange(anchor.typeToken), title, command: SHOW_SERVER_REPORT, arguments: [ServerCommands.checkRecords, args] });
  }
  if (!perRRset) return lenses;
  for (const records of groups) {
    const first = records[0];
    lenses.push({
      range: tokenRange(first.typeToken),
      title: `Check live: ${relativeName(first.owner, ast.origin)} ${first.type}`,
      command: SHOW_SERVER_REPORT,
      arguments: [ServerCommands.checkRecord, rrsetArgs(records)],
    });
  }
  return lenses;
}
