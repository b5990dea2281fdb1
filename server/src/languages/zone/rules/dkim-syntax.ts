// zone/dkim-syntax: a DKIM key record (TXT at SELECTOR._domainkey.NAME, RFC 6376 §3.6.1)
// verifiers will reject: v= not DKIM1 or not first, unknown k=, no p= tag, p= not base64,
// t= flags other than y/s, and RSA keys under 1024 bits (RFC 8301 §3.2).

import { splitLabels } from '../names';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { txtText } from '../txtText';
import { readBase64 } from '../values';
import { recordFinding } from '../zoneIndex';

export const dkimSyntax = zoneRule('dkim-syntax', 'warning', 'DKIM key record problem');

export function dkimProblems(text: string): string[] {
  const tags = text.split(';').map((t) => t.trim()).filter(Boolean).map((t) => {
    const i = t.indexOf('=');
    return { name: (i < 0 ? t : t.slice(0, i)).trim(), value: i < 0 ? '' : t.slice(i + 1).replace(/\s+/g, '') };
  });
  const problems: string[] = [];
  const v = tags.findIndex((t) => t.name === 'v');
  if (v > 0) problems.push('v=DKIM1 must be the first tag');
  if (v >= 0 && tags[v].value !== 'DKIM1') problems.push(`v=${tags[v].value}: must be DKIM1`);
  const k = tags.find((t) => t.name === 'k')?.value ?? 'rsa';
  if (!['rsa', 'ed25519'].includes(k)) problems.push(`k=${k}: expected rsa or ed25519`);
  const p = tags.find((t) => t.name === 'p');
  if (!p) problems.push('p= (the public key, base64) is required; an empty p= revokes the key');
  else if (p.value) {
    const key = readBase64(p.value);
    if (key.error !== undefined) problems.push('p= is not valid base64');
    // A DER SubjectPublicKeyInfo of a 1024-bit RSA key is 162 octets.
    else if (k === 'rsa' && key.value.length < 160) problems.push(`the RSA key is about ${Math.max(0, key.value.length - 38) * 8} bits: keys under 1024 bits are weak (RFC 8301 §3.2)`);
  }
  const t = tags.find((x) => x.name === 't');
  if (t && !t.value.split(':').every((f) => f === 'y' || f === 's')) problems.push(`t=${t.value}: flags are y and s`);
  return problems;
}

export function checkDkimSyntax(): ZoneCheck {
  return {
    types: ['TXT'],
    record(r, _row, z, out) {
      if (!z.ownerMayHaveUnderscore()) return;
      if (!r.owner.includes('._domainkey.') || splitLabels(r.owner)[1] !== '_domainkey') return;
      const txt = txtText(r);
      if (!txt) return;
      for (const p of dkimProblems(txt.text)) out.push(recordFinding(dkimSyntax, r, r.values![0].tokens[0], `DKIM: ${p}`));
    },
  };
}
