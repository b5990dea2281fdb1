// Running the installed named-checkzone and reading its verdict per line. Errors are the
// lines it prefixes with the failing function (dns_rdata_fromtext:, dns_master_load:) and
// the few fatal messages without one; warnings (check-names, TTL notices …) are not errors.

import { spawnSync } from 'node:child_process';

export interface NamedResult {
  ok: boolean;
  /** line -> first error message on it */
  lines: Map<number, string>;
  /** warnings and messages without a line */
  other: string[];
  output: string;
}

export function requireNamedCheckzone(): void {
  const r = spawnSync('named-checkzone', ['-v'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('named-checkzone is not installed (Debian package bind9-utils; scripts/install-system-deps.sh installs it)');
}

const FATAL_WITHOUT_PREFIX = /unbalanced|unexpected end of file|file not found|invalid range|not at top of zone|no TTL specified; zone rejected|class '.*' != zone class|unknown RR type|bad owner name \(check-names\)|DS record at top of zone|CNAME and other data|multiple RRs of singleton type/;

export function namedErrorLines(origin: string, file: string, cwd?: string): NamedResult {
  const r = spawnSync('named-checkzone', [origin, file], { encoding: 'utf8', cwd });
  const output = `${r.stdout}${r.stderr}`;
  const lines = new Map<number, string>();
  const other: string[] = [];
  for (const line of output.split('\n')) {
    if (!line || /loaded serial|^OK$|not loaded due to errors/.test(line)) continue;
    const m = /^(dns_rdata_fromtext: |dns_master_load: )?[^:]*:(\d+): (.*)$/.exec(line);
    if (m && (m[1] || (FATAL_WITHOUT_PREFIX.test(m[3]) && !/warning/.test(m[3]) && !(/check-names/.test(m[3]) && r.status === 0)))) {
      const n = Number(m[2]);
      if (!lines.has(n)) lines.set(n, m[3]);
    } else other.push(line);
  }
  return { ok: r.status === 0, lines, other, output };
}
