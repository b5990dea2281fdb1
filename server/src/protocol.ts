// Command ids and result shapes shared by the server, the VS Code client and the CLI.
// Server command ids (`infraLens.server.*`) differ from the palette ids (`infraLens.*`) so
// VS Code never confuses the client's command with the one the server registers.
// This file imports nothing: the client and every layer of the server may use it.

export const ServerCommands = {
  /** A /proc reading: ProcArgs -> Report */
  proc: 'infraLens.server.proc',
  /** A dig-style lookup: DigArgs -> Report */
  dig: 'infraLens.server.dig',
  /** The queries the resolver sends for a name: ResolvePlanArgs -> Report */
  resolvePlan: 'infraLens.server.resolvePlan',
  /** SOA serial bump in a zone document: { uri } -> Report (data: the edit) */
  bumpSoaSerial: 'infraLens.server.bumpSoaSerial',
  /** Compare a zone file's RRset with the live answer: CheckRecordArgs -> Report */
  checkRecord: 'infraLens.server.checkRecord',
  /** Every RRset of a zone file against the live answers, one table: CheckRecordsArgs -> Report */
  checkRecords: 'infraLens.server.checkRecords',
  /** Every rule id with its title and default severity: {} -> Report */
  listRules: 'infraLens.server.listRules',
} as const;

export type ServerCommandId = (typeof ServerCommands)[keyof typeof ServerCommands];

/** Every command returns data plus the text a front end shows for it. */
export interface Report<T = unknown> {
  ok: boolean;
  /** Title of the view that shows the report. */
  title: string;
  /** Plain text rendering (what the CLI prints and the editor shows). */
  text: string;
  /** The same content as data (what `--json` prints). */
  data: T;
  /** Process exit status the CLI uses (dig's conventions for lookups). */
  exitCode?: number;
  /** Set when ok is false: what went wrong, in one sentence. */
  error?: string;
}

export interface ProcArgs {
  /** memory | load | uptime | cpu | kernel | interfaces | sockets | processes | process | deleted-files … */
  reading: string;
  pid?: number;
  /** Reading-specific options (e.g. state, port, unmask). */
  options?: Record<string, string | boolean>;
}

export interface DigArgs {
  /** Arguments as for `infra-lens dig` (e.g. ["@127.0.0.1", "-p", "5300", "example.test", "MX", "+tcp"]). */
  argv: string[];
}

export interface ResolvePlanArgs {
  name: string;
  /** Text of the resolv.conf to plan with; defaults to the node's /etc/resolv.conf. */
  resolvConfText?: string;
  /** Or the URI of an open resolv.conf document. */
  uri?: string;
  libc?: 'glibc' | 'musl';
  /** Actually send the queries and report each answer. */
  send?: boolean;
  env?: { RES_OPTIONS?: string; LOCALDOMAIN?: string };
}

export interface BumpSoaSerialArgs {
  uri: string;
}

/** The shape of the `processes` reading's data, which the client's process picker uses. */
export interface ProcessListData {
  processes: Array<{ pid: number; user: string; state: string; rssBytes: number; command: string }>;
}

/** Data of a successful bumpSoaSerial report: the edits to apply to the document. */
export interface BumpSoaSerialResult {
  edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>;
}

/** A zone file's RRset to compare with what the zone's authoritative servers answer now. */
export interface CheckRecordArgs {
  /** Absolute owner name, e.g. "www.example.com." */
  name: string;
  /** Record type mnemonic, e.g. "A". */
  type: string;
  /** The RDATA in the file, in presentation format, one entry per record. */
  expected: string[];
  /** Servers to ask (addresses or names); default: the zone's NS records as resolved. */
  servers?: string[];
  port?: number;
}

/**
 * Several RRsets checked in one run: given, or (`uri`) every RRset of that zone document as
 * it reads when the command runs, up to 2,000 (the "Check all N RRsets live" lens).
 */
export type CheckRecordsArgs = { rrsets: CheckRecordArgs[] } | { uri: string };

/** Client command that runs a server command and shows its report (used by code lenses). */
export const SHOW_SERVER_REPORT = 'infraLens.showServerReport';

/** Client command that adds a plugin name to infraLens.coredns.externalPlugins (a quick fix). */
export const DECLARE_EXTERNAL_PLUGIN = 'infraLens.declareExternalPlugin';
