// zone/spf-syntax: an SPF policy (TXT "v=spf1 …", RFC 7208) that receivers will reject or
// misread: two policies at one name (permerror, §4.5), unknown mechanisms, bad ip4/ip6
// networks, include/exists without a domain, more than 10 DNS-querying terms (§4.6.4,
// counting those visible here), `+all`, terms after `all` (ignored), `ptr` (discouraged,
// §5.5), a repeated redirect/exp, and a policy written as unquoted words (the words are
// separate strings, joined without spaces: "v=spf1mx-all").

import { type ZoneCheck, zoneRule } from '../ruleKit';
import { txtText } from '../txtText';
import { isDottedQuad, isIpv6 } from '../values';
import { recordFinding } from '../zoneIndex';

export const spfSyntax = zoneRule('spf-syntax', 'warning', 'SPF policy problem');

const MECHANISMS = new Set(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);
const LOOKUPS = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

/** Problems of one SPF policy text (after "v=spf1"), in order. */
export function spfProblems(policy: string): string[] {
  const problems: string[] = [];
  const terms = policy.trim().split(/\s+/).slice(1).filter(Boolean);
  let lookups = 0;
  let sawAll = false;
  const modifiers = new Set<string>();
  for (const term of terms) {
    if (sawAll) {
      problems.push(`'${term}' comes after 'all' and is ignored`);
      continue;
    }
    const mod = /^([a-zA-Z][a-zA-Z0-9_.-]*)=(.*)$/.exec(term);
    if (mod) {
      const name = mod[1].toLowerCase();
      if ((name === 'redirect' || name === 'exp') && modifiers.has(name)) problems.push(`modifier '${name}=' appears twice (permerror)`);
      modifiers.add(name);
      if (name === 'redirect') lookups++;
      if ((name === 'redirect' || name === 'exp') && !mod[2]) problems.push(`'${term}' needs a domain`);
      continue;
    }
    const m = /^([+\-~?]?)([a-zA-Z0-9]+)(?::([^/]*))?(\/.*)?$/.exec(term);
    const name = m?.[2].toLowerCase();
    if (!m || !name || !MECHANISMS.has(name)) {
      problems.push(`'${term}' is not an SPF mechanism (all, include, a, mx, ptr, ip4, ip6, exists) or modifier (redirect=, exp=)`);
      continue;
    }
    const [, qualifier, , arg, cidr] = m;
    if (LOOKUPS.has(name)) lookups++;
    if (name === 'all') {
      sawAll = true;
      if (qualifier === '+' || qualifier === '') problems.push(`'${term}' lets every host on the internet send as this domain; use '-all' or '~all'`);
    }
    if ((name === 'include' || name === 'exists') && !arg) problems.push(`'${term}' needs a domain ('${name}:example.net')`);
    if (name === 'ptr') problems.push(`'ptr' is slow and unreliable; RFC 7208 §5.5 says not to use it`);
    if (name === 'ip4' || name === 'ip6') {
      const bits = cidr ? Number(cidr.slice(1)) : undefined;
      const okAddress = arg !== undefined && (name === 'ip4' ? isDottedQuad(arg) : isIpv6(arg));
      const okBits = bits === undefined || (/^\/\d+$/.test(cidr!) && bits <= (name === 'ip4' ? 32 : 128));
      if (!okAddress || !okBits) problems.push(`'${term}' is not a valid ${name} network`);
    }
  }
  if (lookups > 10) problems.push(`${lookups} DNS-querying terms (include, a, mx, ptr, exists, redirect): more than 10 is a permerror (RFC 7208 §4.6.4)`);
  return problems;
}

/** Big zones repeat the same policy on many names: read each text once (bounded). */
const problemsByText = new Map<string, string[]>();
function cachedSpfProblems(text: string): string[] {
  let problems = problemsByText.get(text);
  if (!problems) {
    problems = spfProblems(text);
    if (problemsByText.size >= 4096) problemsByText.clear();
    problemsByText.set(text, problems);
  }
  return problems;
}

export function checkSpfSyntax(): ZoneCheck {
  /** Owner id -> row + 1 of its first SPF policy, 0 for none (a big zone has one per name). */
  let policies = new Int32Array(1024);
  return {
    types: ['TXT'],
    record(r, row, z, out) {
      const txt = txtText(r);
      if (!txt || !/^v=spf1/i.test(txt.text)) return;
      const token = r.values![0].tokens[0];
      if (txt.unquotedWords) {
        out.push(recordFinding(spfSyntax, r, token, `SPF policy written as unquoted words: each word is a separate string and receivers join them without spaces ("${txt.text.slice(0, 40)}…"); put the whole policy in quotes`));
        return;
      }
      const owner = z.owner[row];
      if (owner >= policies.length) {
        const bigger = new Int32Array(Math.max(owner + 1, policies.length * 2));
        bigger.set(policies);
        policies = bigger;
      }
      const first = policies[owner] - 1;
      if (first >= 0) out.push(recordFinding(spfSyntax, r, token, `A second SPF policy at ${r.owner}: with more than one 'v=spf1' record receivers return permerror (RFC 7208 §4.5)`, { related: [z.related(first, 'first SPF policy')] }));
      else policies[owner] = row + 1;
      for (const p of cachedSpfProblems(txt.text)) out.push(recordFinding(spfSyntax, r, token, `SPF: ${p}`));
    },
  };
}
