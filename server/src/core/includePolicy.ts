// Which files a zone's $INCLUDE or a Corefile's `import` may read, decided without I/O.
// A pull request's zone file that includes /proc/self/environ or /etc/shadow must not put
// the CI runner's secrets into the SARIF that code scanning publishes, so an include:
// - stays inside the allowed roots (the editor's workspace folders, the trees the CLI was
//   given) unless a setting (`infraLens.includePaths`) or `--allow-include DIR` adds one;
// - never reads /proc, /sys or /dev (and never a device, FIFO or socket anywhere);
// - is at most `maxBytes` long and is text (no NUL byte);
// - is quoted in findings only when it looks like the language that includes it, so a
//   secrets file that slipped through is refused instead of echoed line by line.
// The one I/O function that applies this is core/includeReader.ts.

export interface IncludePolicy {
  /** Absolute directories (symlinks resolved) an include may read below. */
  roots: string[];
  maxBytes: number;
  /** What the including document is: an included file must look like one too ('other':
   * like either). */
  language: 'zone' | 'corefile' | 'other';
}

/** 16 MiB: far above any real included zone or Corefile snippet file. */
export const DEFAULT_INCLUDE_MAX_BYTES = 16 * 1024 * 1024;

/** Kernel and device file systems: never read through an include, whatever the roots say. */
export const FORBIDDEN_TREES = ['/proc', '/sys', '/dev'];

export type Verdict = { ok: true } | { ok: false; reason: string };

/** A '/'-separated absolute path without '.', '..' or repeated slashes. */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function isInside(root: string, p: string): boolean {
  const r = normalizePath(root);
  const n = normalizePath(p);
  return r === '/' || n === r || n.startsWith(`${r}/`);
}

/** May this path (absolute, symlinks already resolved) be read at all? */
export function pathVerdict(realPath: string, policy: IncludePolicy): Verdict {
  const p = normalizePath(realPath);
  const tree = FORBIDDEN_TREES.find((t) => isInside(t, p));
  if (tree) return { ok: false, reason: `${tree} is never read through an include` };
  if (!policy.roots.some((r) => isInside(r, p))) {
    return { ok: false, reason: `outside the ${policy.roots.length ? `allowed directories (${policy.roots.join(', ')})` : 'workspace'}; allow it with infraLens.includePaths or --allow-include DIR` };
  }
  return { ok: true };
}

export type FileKind = 'file' | 'directory' | 'fifo' | 'character device' | 'block device' | 'socket' | 'other';

/** May an opened file of this kind and size be read? */
export function fileVerdict(kind: FileKind, size: number, policy: IncludePolicy): Verdict {
  if (kind !== 'file') return { ok: false, reason: `a ${kind}, not a regular file` };
  if (size > policy.maxBytes) return { ok: false, reason: `${size} bytes, over the ${policy.maxBytes}-byte include limit` };
  return { ok: true };
}

const ZONE_WORDS = new Set(
  'IN CH HS CS A AAAA NS SOA CNAME MX TXT PTR SRV CAA DS DNSKEY RRSIG NSEC NSEC3 NSEC3PARAM TLSA SSHFP HTTPS SVCB NAPTR LOC HINFO DNAME SPF CDS CDNSKEY ZONEMD OPENPGPKEY SMIMEA URI CERT KEY APL CSYNC EUI48 EUI64 RP AFSDB X25 ISDN RT KX DHCID IPSECKEY HIP TKEY TSIG NULL WKS MB MG MR MINFO'.split(' '),
);

function contentLines(text: string, comment: string, limit: number): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const at = raw.indexOf(comment);
    const line = (at >= 0 ? raw.slice(0, at) : raw).replace(/\s+$/, '');
    if (line.trim() === '') continue;
    out.push(line);
    if (out.length >= limit) break;
  }
  return out;
}

/** Does this text read like a zone file (directives, records) rather than, say, /etc/shadow? */
export function looksLikeZoneFile(text: string): boolean {
  const lines = contentLines(text, ';', 200);
  if (lines.length === 0) return true;
  let recordWord = false;
  for (const line of lines) {
    if (/^\$[A-Za-z]+(\s|$)/.test(line)) {
      recordWord = true;
      continue;
    }
    const words = line.trim().split(/\s+/);
    // A record line has an owner and a type at least, or continues a record (indented, ")").
    if (!/^[\s)(]/.test(line) && words.length < 2) return false;
    if (words.some((w) => ZONE_WORDS.has(w.toUpperCase()) || /^TYPE\d+$/i.test(w))) recordWord = true;
  }
  return recordWord;
}

/** Does this text read like Corefile directives or server blocks? */
export function looksLikeCorefile(text: string): boolean {
  const lines = contentLines(text, '#', 200);
  if (lines.length === 0) return true;
  for (const line of lines) {
    const first = line.trim().split(/\s+/)[0];
    // "export KEY=value" (a shell or env file) starts with a lowercase word too.
    if (/^\s*[a-z][a-z0-9_]*\s+[A-Za-z_][A-Za-z0-9_]*=/.test(line)) return false;
    const ok = first === '{' || first === '}' || /^\(.+\)$/.test(first) || /^[a-z][a-z0-9_]*$/.test(first) || /\{$/.test(line.trim()) || /^"/.test(first);
    if (!ok) return false;
  }
  return true;
}

/** May this text be parsed (and so quoted in findings) as an include of the policy's language? */
export function contentVerdict(text: string, policy: IncludePolicy): Verdict {
  const probe = text.slice(0, 8000);
  const nul = probe.indexOf('\0');
  if (nul >= 0) return { ok: false, reason: `a binary file (NUL at offset ${nul})` };
  if (policy.language === 'zone' && !looksLikeZoneFile(text)) return { ok: false, reason: 'does not look like a zone file, so its content is not read (or shown)' };
  if (policy.language === 'corefile' && !looksLikeCorefile(text)) return { ok: false, reason: 'does not look like a Corefile, so its content is not read (or shown)' };
  if (policy.language === 'other' && !looksLikeZoneFile(text) && !looksLikeCorefile(text)) return { ok: false, reason: 'looks like neither a zone file nor a Corefile, so its content is not read (or shown)' };
  return { ok: true };
}

/** Thrown by an include reader: the parser reports `reason` on the $INCLUDE / import. */
export class IncludeRefused extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: not read: ${reason}`);
    this.name = 'IncludeRefused';
  }
}
