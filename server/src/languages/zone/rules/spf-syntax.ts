// zone/spf-syntax: an SPF policy (TXT "v=spf1 …", RFC 7208) that receivers will reject or
// misread: two policies at one name (permerror, §4.5), unknown mechanisms, bad ip4/ip6
// networks, include/exists without a domain, more than 10 DNS-querying terms (§4.6.4,
// counting those visible here), `+all`, terms after `all` (ignored), `ptr` (discouraged,
// §5.5), a repeated redirect/exp, and a policy written as unquoted words (the words are
// separate strings, joined without spaces: "v=spf1mx-all").

import type { Finding } from '../../../core/finding';
import { lineRange } from '../../../core/finding';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { txtJoined, writtenAsUnquotedWords } from '../txtText';
import { isDottedQuad, isIpv6 } from '../values';
import { grow, recordFinding } from '../zoneIndex';

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
  /**
   * Every policy in file order: its row, where its findings start in `out`, and its first
   * string's token. Whether one is a second policy at its name needs the owners' ids, known
   * once the walk ends: finish() puts those findings in place (typed arrays, no object per policy).
   */
  let rows = new Int32Array(256);
  let positions = new Int32Array(256);
  let tokens = new Int32Array(3 * 256);
  let count = 0;
  return {
    types: ['TXT'],
    record(r, row, _z, out) {
      const text = txtJoined(r);
      if (text === undefined || !/^v=spf1/i.test(text)) return;
      const token = r.values![0].tokens[0];
      if (writtenAsUnquotedWords(r)) {
        out.push(recordFinding(spfSyntax, r, token, `SPF policy written as unquoted words: each word is a separate string and receivers join them without spaces ("${text.slice(0, 40)}…"); put the whole policy in quotes`));
        return;
      }
      if (count === rows.length) {
        rows = grow(rows, 2 * count);
        positions = grow(positions, 2 * count);
        tokens = grow(tokens, 6 * count);
      }
      rows[count] = row;
      positions[count] = out.length;
      tokens[3 * count] = token.line;
      tokens[3 * count + 1] = token.start;
      tokens[3 * count + 2] = token.end;
      count++;
      for (const p of cachedSpfProblems(text)) out.push(recordFinding(spfSyntax, r, token, `SPF: ${p}`));
    },
    finish(z, out) {
      if (count === 0) return;
      /** Owner id -> row + 1 of its first SPF policy, 0 for none. */
      const first = new Int32Array(z.names);
      const second: Array<{ at: number; finding: Finding }> = [];
      for (let k = 0; k < count; k++) {
        const row = rows[k];
        const owner = z.owner[row];
        const was = first[owner] - 1;
        if (was < 0) {
          first[owner] = row + 1;
          continue;
        }
        const uri = z.uri(row);
        const finding: Finding = {
          ruleId: spfSyntax.id,
          range: lineRange(tokens[3 * k], tokens[3 * k + 1], tokens[3 * k + 2]),
          message: `A second SPF policy at ${z.ownerName(row)}: with more than one 'v=spf1' record receivers return permerror (RFC 7208 §4.5)`,
          ...(uri ? { uri } : {}),
          related: [z.related(was, 'first SPF policy')],
        };
        second.push({ at: positions[k], finding });
      }
      if (second.length === 0) return;
      // Each goes before the findings its record made, as if made in the walk.
      const merged: Finding[] = [];
      let i = 0;
      for (const { at, finding } of second) {
        while (i < at) merged.push(out[i++]);
        merged.push(finding);
      }
      while (i < out.length) merged.push(out[i++]);
      out.length = 0;
      for (const f of merged) out.push(f);
    },
  };
}
