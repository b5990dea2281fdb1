// zone/dmarc-syntax: a DMARC policy (TXT at _dmarc.NAME, RFC 7489 §6.3) receivers will
// ignore or misread: not starting with v=DMARC1, no p= (or not right after v=), a value
// outside its set (p/sp none|quarantine|reject, adkim/aspf r|s, pct 0-100, fo 0 1 d s),
// rua/ruf that are not mailto: URIs, a TXT at _dmarc that is not DMARC at all.

import { splitLabels } from '../names';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { txtText } from '../txtText';
import { recordFinding } from '../zoneIndex';

export const dmarcSyntax = zoneRule('dmarc-syntax', 'warning', 'DMARC policy problem');

const POLICIES = new Set(['none', 'quarantine', 'reject']);

export function dmarcProblems(text: string): string[] {
  const tags = text.split(';').map((t) => t.trim()).filter(Boolean).map((t) => {
    const i = t.indexOf('=');
    return i < 0 ? { name: t.toLowerCase(), value: '' } : { name: t.slice(0, i).trim().toLowerCase(), value: t.slice(i + 1).trim() };
  });
  const problems: string[] = [];
  if (tags[0]?.name !== 'v' || tags[0].value !== 'DMARC1') return ['a DMARC record must start with "v=DMARC1" (exactly, first)'];
  if (tags[1]?.name !== 'p') problems.push(tags.some((t) => t.name === 'p') ? 'p= must come right after v=DMARC1' : 'p= (none, quarantine or reject) is required');
  for (const t of tags.slice(1)) {
    switch (t.name) {
      case 'p':
      case 'sp':
        if (!POLICIES.has(t.value.toLowerCase())) problems.push(`${t.name}=${t.value}: expected none, quarantine or reject`);
        break;
      case 'adkim':
      case 'aspf':
        if (!/^[rs]$/i.test(t.value)) problems.push(`${t.name}=${t.value}: expected r (relaxed) or s (strict)`);
        break;
      case 'pct':
        if (!/^\d+$/.test(t.value) || Number(t.value) > 100) problems.push(`pct=${t.value}: expected 0-100`);
        break;
      case 'fo':
        if (!t.value.split(':').every((x) => /^[01ds]$/.test(x))) problems.push(`fo=${t.value}: expected 0, 1, d, s (colon-separated)`);
        break;
      case 'rua':
      case 'ruf':
        for (const uri of t.value.split(',')) if (!/^mailto:[^@\s]+@[^@\s]+/i.test(uri.trim())) problems.push(`${t.name}: '${uri.trim()}' is not a mailto: address`);
        break;
      case 'ri':
        if (!/^\d+$/.test(t.value)) problems.push(`ri=${t.value}: expected seconds`);
        break;
      case 'rf':
      case 'v':
        break;
      default:
        problems.push(`unknown tag '${t.name}'`);
    }
  }
  return problems;
}

export function checkDmarcSyntax(): ZoneCheck {
  return {
    types: ['TXT'],
    record(r, _row, z, out) {
      if (!z.ownerMayHaveUnderscore()) return;
      if (!r.owner.startsWith('_dmarc.') || splitLabels(r.owner)[0] !== '_dmarc') return;
      const txt = txtText(r);
      if (!txt) return;
      for (const p of dmarcProblems(txt.text)) out.push(recordFinding(dmarcSyntax, r, r.values![0].tokens[0], `DMARC: ${p}`));
    },
  };
}
