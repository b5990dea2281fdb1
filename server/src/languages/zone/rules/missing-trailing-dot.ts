// zone/missing-trailing-dot: a name written without its trailing dot that was almost
// certainly meant absolute: it repeats the origin (`mail.example.com` under `example.com.`
// means `mail.example.com.example.com.`) or ends in a top-level domain
// (`ghs.googlehosted.com`). No DNS tool reports it; dnscontrol and octoDNS make it an error.
// The quick fix adds the dot.

import type { Finding } from '../../../core/finding';
import { lineRange } from '../../../core/finding';
import type { Token } from '../lexer';
import type { ZoneRecord } from '../model';
import { zoneRule } from '../ruleKit';
import { TLDS } from '../tlds';
import { recordFinding, type ZoneIndex } from '../zoneIndex';

export const missingTrailingDot = zoneRule('missing-trailing-dot', 'warning', 'Relative name that was meant to be absolute');

/** Whether a relative name's text looks like it was meant absolute (see the file comment). */
export function looksMeantAbsolute(text: string, origin: string): boolean {
  if (text === '@' || text.endsWith('.') || text.includes('\\')) return false;
  const t = text.toLowerCase();
  const o = origin.replace(/\.$/, '').toLowerCase();
  if (t.indexOf('.') < 0) return t === o;
  if (o && (t === o || t.endsWith(`.${o}`))) return true;
  const labels = t.split('.');
  return labels.length >= 2 && TLDS.has(labels[labels.length - 1]);
}

function finding(r: ZoneRecord, token: Token, what: string): Finding {
  const meant = `${token.text}.`;
  const actual = r.origin === '.' ? `${token.text}.` : `${token.text}.${r.origin}`;
  return recordFinding(missingTrailingDot, r, token, `${what} '${token.text}' has no trailing dot, so it means '${actual}'; did you mean '${meant}'?`, {
    fixes: [{ title: `Add the trailing dot: '${meant}'`, edits: [{ range: lineRange(token.line, token.end, token.end), newText: '.' }], preferred: true }],
  });
}

export function checkMissingTrailingDot(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  const ownersSeen = new Set<Token>();
  for (const r of z.ast.records) {
    if (r.generated) continue;
    if (r.ownerToken && !ownersSeen.has(r.ownerToken) && looksMeantAbsolute(r.ownerToken.text, r.origin) && r.origin !== '.') {
      ownersSeen.add(r.ownerToken);
      out.push(finding(r, r.ownerToken, 'Owner'));
    }
    for (const v of r.values ?? []) {
      if (v.spec.kind !== 'name' || !v.relative) continue;
      const token = v.tokens[0];
      if (looksMeantAbsolute(token.text, r.origin)) out.push(finding(r, token, `${r.type} ${v.spec.name}`));
    }
  }
  return out;
}
