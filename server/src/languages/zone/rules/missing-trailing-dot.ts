// zone/missing-trailing-dot: a name written without its trailing dot whose expansion is
// implausible, so it was almost certainly meant absolute: it repeats the origin
// (`mail.example.com` under `example.com.` means `mail.example.com.example.com.`) or its
// last label is a real top-level domain (`ghs.googlehosted.com`; the IANA list in
// tldTable.ts). A relative name in RDATA that expands to a name the zone has (an owner, or
// below one, like `api.dev` next to `dev` records) is plausible and left alone; owners are
// checked only for the repeated origin. No DNS tool
// reports the mistake; dnscontrol and octoDNS make it an error. The quick fix adds the dot.

import type { Finding } from '../../../core/finding';
import { lineRange } from '../../../core/finding';
import type { Token } from '../lexer';
import type { ZoneRecord } from '../model';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { parentName } from '../names';
import { TLDS } from '../tlds';
import { recordFinding, type ZoneIndex } from '../zoneIndex';

export const missingTrailingDot = zoneRule('missing-trailing-dot', 'warning', 'Relative name that was meant to be absolute');

/** Whether a relative name's text looks like it was meant absolute (see the file comment). */
export function looksMeantAbsolute(text: string, origin: string): boolean {
  const o = bareOrigin(origin);
  // One label: only the origin's own text (the length first: most targets are one label).
  if (text.indexOf('.') < 0) return text.length === o.length && text !== '@' && !text.includes('\\') && text.toLowerCase() === o;
  if (text.endsWith('.') || text.includes('\\')) return false;
  const t = text.toLowerCase();
  if (o && (t === o || t.endsWith(dotBareOrigin))) return true;
  const labels = t.split('.');
  return labels.length >= 2 && TLDS.has(labels[labels.length - 1]);
}

/** `mail.example.com` (or `example.com`) under `example.com.`: the origin written twice. */
export function repeatsOrigin(text: string, origin: string): boolean {
  const o = bareOrigin(origin);
  // Shorter than the origin: cannot repeat it (asked first: it answers for most owners of a big zone).
  if (o === '' || text.length < o.length) return false;
  if (text.endsWith('.') || text.includes('\\')) return false;
  const t = text.toLowerCase();
  return t === o || t.endsWith(dotBareOrigin);
}

/**
 * The origin without its trailing dot, lower case (and `.` + that): every record asks with
 * the same origin, so the last one is kept.
 */
let lastOrigin = '';
let lastBare = '';
let dotBareOrigin = '.';
function bareOrigin(origin: string): string {
  if (origin !== lastOrigin) {
    lastOrigin = origin;
    lastBare = origin.replace(/\.$/, '').toLowerCase();
    dotBareOrigin = `.${lastBare}`;
  }
  return lastBare;
}

/**
 * The expanded name is one the zone has: it, or one of its ancestors below the apex, owns
 * records, or a wildcard there covers it.
 */
function plausibleInZone(z: ZoneIndex, expanded: string): boolean {
  for (let name = expanded; name && name !== z.origin && z.inZone(name); name = parentName(name) ?? '') {
    if (z.ownsRecords(name)) return true;
    const parent = parentName(name);
    if (parent && z.ownsRecords(`*.${parent}`)) return true;
  }
  return false;
}

/**
 * The record's type has a name field, asked once per type code (a zone's types alternate,
 * so a last-asked cache misses): 0 not asked yet, 1 no, 2 yes.
 */
const hasName = new Uint8Array(65536);
function hasNameField(r: ZoneRecord): boolean {
  let known = hasName[r.code];
  if (known === 0) hasName[r.code] = known = r.spec?.fields.some((f) => f.kind === 'name') ? 2 : 1;
  return known === 2;
}

/** Name fields that always point inside the zone (the NSEC/NXT chain) or at the signer. */
const IN_ZONE_BY_DEFINITION = new Set(['NSEC', 'NXT', 'RRSIG', 'SIG']);

function finding(r: ZoneRecord, token: Token, what: string): Finding {
  const meant = `${token.text}.`;
  const actual = r.origin === '.' ? `${token.text}.` : `${token.text}.${r.origin}`;
  return recordFinding(missingTrailingDot, r, token, `${what} '${token.text}' has no trailing dot, so it means '${actual}'; did you mean '${meant}'?`, {
    fixes: [{ title: `Add the trailing dot: '${meant}'`, edits: [{ range: lineRange(token.line, token.end, token.end), newText: '.' }], preferred: true }],
  });
}

/**
 * A visitor of the one walk: owners are decided per record; RDATA names that end in a TLD
 * wait for finish(), when every owner of the zone is known (plausibleInZone).
 */
export function checkMissingTrailingDot(): ZoneCheck {
  const ownersSeen = new Set<Token>();
  const pending: Array<{ finding: Finding; expanded: string }> = [];
  return {
    record(r, _row, _z, out) {
      if (r.generated) return;
      if (r.origin === '.') return; // relative to the root is absolute
      // Owners only when they repeat the origin: a relative owner ending in a TLD is what RPZ
      // and catalog zones are made of (`example.com CNAME .` in an RPZ zone).
      if (r.ownerToken && repeatsOrigin(r.ownerToken.text, r.origin) && !ownersSeen.has(r.ownerToken)) {
        ownersSeen.add(r.ownerToken);
        out.push(finding(r, r.ownerToken, 'Owner'));
      }
      if (!r.values || !hasNameField(r) || IN_ZONE_BY_DEFINITION.has(r.type)) return;
      for (const v of r.values) {
        if (v.spec.kind !== 'name' || !v.relative) continue;
        const token = v.tokens[0];
        if (!looksMeantAbsolute(token.text, r.origin)) continue;
        const f = finding(r, token, `${r.type} ${v.spec.name}`);
        if (repeatsOrigin(token.text, r.origin)) out.push(f);
        else pending.push({ finding: f, expanded: String(v.value) });
      }
    },
    finish(z, out) {
      // "api.dev" beside records at "dev" is an in-zone name that happens to end in a TLD.
      for (const p of pending) if (!plausibleInZone(z, p.expanded)) out.push(p.finding);
    },
  };
}
