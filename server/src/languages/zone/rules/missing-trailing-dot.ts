// zone/missing-trailing-dot: a name written without its trailing dot that was almost
// certainly meant absolute: it repeats the origin (`mail.example.com` under `example.com.`
// means `mail.example.com.example.com.`) or ends in a top-level domain
// (`ghs.googlehosted.com`). No DNS tool reports it; dnscontrol and octoDNS make it an error.
// The quick fix adds the dot.

import type { Finding } from '../../../core/finding';
import { lineRange } from '../../../core/finding';
import type { Token } from '../lexer';
import type { ZoneRecord } from '../model';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { TLDS } from '../tlds';
import { recordFinding } from '../zoneIndex';

export const missingTrailingDot = zoneRule('missing-trailing-dot', 'warning', 'Relative name that was meant to be absolute');

/** Whether a relative name's text looks like it was meant absolute (see the file comment). */
export function looksMeantAbsolute(text: string, origin: string): boolean {
  if (text === '@' || text.endsWith('.') || text.includes('\\')) return false;
  const o = originText(origin);
  const dot = text.lastIndexOf('.');
  // One label: only the origin's own name repeated (compared without lower-casing first).
  if (dot < 0) return text.length === o.length && text.toLowerCase() === o;
  const t = text.toLowerCase();
  if (o && (t === o || t.endsWith(`.${o}`))) return true;
  return TLDS.has(t.slice(t.lastIndexOf('.') + 1));
}

/** The origin without its trailing dot, lower case; cached for the origin last asked about. */
let lastOrigin = '';
let lastOriginText = '';
function originText(origin: string): string {
  if (origin !== lastOrigin) {
    lastOrigin = origin;
    lastOriginText = origin.replace(/\.$/, '').toLowerCase();
  }
  return lastOriginText;
}

function finding(r: ZoneRecord, token: Token, what: string): Finding {
  const meant = `${token.text}.`;
  const actual = r.origin === '.' ? `${token.text}.` : `${token.text}.${r.origin}`;
  return recordFinding(missingTrailingDot, r, token, `${what} '${token.text}' has no trailing dot, so it means '${actual}'; did you mean '${meant}'?`, {
    fixes: [{ title: `Add the trailing dot: '${meant}'`, edits: [{ range: lineRange(token.line, token.end, token.end), newText: '.' }], preferred: true }],
  });
}

export function checkMissingTrailingDot(): ZoneCheck {
  const ownersSeen = new Set<Token>();
  return {
    record(r, _row, _z, out) {
      if (r.generated) return;
      if (r.ownerToken && !ownersSeen.has(r.ownerToken) && looksMeantAbsolute(r.ownerToken.text, r.origin) && r.origin !== '.') {
        ownersSeen.add(r.ownerToken);
        out.push(finding(r, r.ownerToken, 'Owner'));
      }
      for (const v of r.values ?? []) {
        if (v.spec.kind !== 'name' || !v.relative) continue;
        const token = v.tokens[0];
        if (looksMeantAbsolute(token.text, r.origin)) out.push(finding(r, token, `${r.type} ${v.spec.name}`));
      }
    },
  };
}
