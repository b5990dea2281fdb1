// rewrite: one rule per directive (plugin/rewrite/setup.go rewriteParse + newRule). With
// fewer than two arguments on the line, the block's tokens are the rule (nested form).

import type { Token } from '../../lexer';
import type { Directive } from '../../parser';
import { hasEnvPlaceholder } from '../../parser';
import { DNS_CLASSES, DNS_RCODES, DNS_TYPES, goRegexGroups } from '../../dnsNames';
import { parseGoUint } from '../../values';
import type { PluginSetup } from '../context';

const MAX_REGEX = 10000;
const MATCH_TYPES = ['exact', 'prefix', 'suffix', 'substring', 'regex'];

class RuleError extends Error {
  constructor(
    readonly token: Token | undefined,
    message: string,
  ) {
    super(message);
  }
}

function fail(token: Token | undefined, message: string): never {
  throw new RuleError(token, message);
}

function ruleTokens(d: Directive): Token[] {
  if (d.args.length >= 2) return d.args;
  const out = [...d.args];
  for (const p of d.block?.properties ?? []) out.push(p.name, ...p.args);
  return out;
}

function regex(t: Token, what: string): number {
  if (t.text.length > MAX_REGEX) fail(t, `regex pattern too long${what}: ${t.text.length} > ${MAX_REGEX}`);
  const groups = goRegexGroups(t.text);
  if (groups === undefined) fail(t, `invalid regex pattern${what}: ${t.text}`);
  return groups;
}

function subExprUsage(s: string): number {
  let n = 0;
  for (let i = 0; i <= 100; i++) if (s.includes(`{${i}}`)) n++;
  return n;
}

function validRegexPattern(from: Token, to: string): void {
  const groups = regex(from, '');
  if (subExprUsage(to) > groups) fail(from, `the rewrite regex pattern (${to}) uses more subexpressions than its corresponding matching regex pattern (${from.text})`);
}

function answerRules(name: string, args: Token[], anchor: Token): { auto: boolean } {
  let auto = false;
  let nameRules = 0;
  let last = '';
  let i = 0;
  if (args.length < 2) fail(args[0] ?? anchor, `invalid arguments for ${name} rule`);
  while (i < args.length) {
    if (last === '' && args[i].text !== 'answer') fail(args[i], `exceeded the number of arguments for a non-answer rule argument for ${name} rule`);
    if (args[i].text === 'answer') i++;
    if (i >= args.length) fail(args[i - 1], `type missing for answer rule for ${name} rule`);
    const kind = args[i];
    last = kind.text;
    i++;
    if (last === 'auto') {
      auto = true;
      continue;
    }
    if (last !== 'name' && last !== 'value') fail(kind, `invalid type "${last}" for answer rule for ${name} rule`);
    if (args.length - i < 2) fail(kind, `${last} answer rule for ${name} rule: 2 arguments required`);
    validRegexPattern(args[i], args[i + 1].text);
    i += 2;
    if (last === 'name') nameRules++;
  }
  if (auto && nameRules > 0) fail(anchor, 'auto name answer rule cannot be combined with explicit name anwer rules');
  return { auto };
}

function nameRule(args: Token[], anchor: Token): void {
  if (args.length < 2) fail(args[args.length - 1] ?? anchor, 'too few arguments for a name rule');
  const matchType = args.length === 2 ? 'exact' : args[0].text.toLowerCase();
  if (args.length > 3) answerRules(matchType, args.slice(3), args[3]);
  if (!MATCH_TYPES.includes(matchType)) fail(args[0], `name rule supports only exact, prefix, suffix, substring, and regex name matching, received: ${matchType}`);
  if (matchType === 'regex') validRegexPattern(args[1], args[2].text);
  if (matchType === 'exact') {
    // CoreDNS checks the exact rule's replacement as if it were a pattern.
    const [from, to] = args.length === 2 ? args : args.slice(1);
    const toName = to.text.endsWith('.') ? to.text : `${to.text}.`;
    const fromName = from.text.endsWith('.') ? from.text : `${from.text}.`;
    if (goRegexGroups(toName.toLowerCase()) === undefined) fail(to, `invalid regex matching pattern: ${to.text}`);
    if (subExprUsage(fromName) > (goRegexGroups(toName.toLowerCase()) ?? 0)) fail(from, 'the rewrite regex pattern uses more subexpressions than its corresponding matching regex pattern');
  }
}

function ttlValid(v: string): boolean {
  const parts = v.split('-');
  const u = (s: string) => parseGoUint(s, 32);
  if (parts.length === 1) return u(parts[0]) !== undefined;
  if (parts.length !== 2) return false;
  const [a, b] = parts;
  if (a === '' && b === '') return false;
  const min = a === '' ? 0 : u(a);
  const max = b === '' ? 2147483647 : u(b);
  return min !== undefined && max !== undefined && min <= max;
}

function matchedRule(kind: string, args: Token[], anchor: Token, valueCount: number, checkValues: (values: Token[]) => void): void {
  // [matchtype] NAME VALUE... : with the match type there is one more argument.
  if (args.length < valueCount + 1) fail(args[args.length - 1] ?? anchor, `too few (${args.length}) arguments for a ${kind} rule`);
  const values = args.length === valueCount + 1 ? args.slice(1) : args.slice(2, 2 + valueCount);
  checkValues(values);
  if (args.length === valueCount + 2) {
    const mt = args[0].text.toLowerCase();
    if (!MATCH_TYPES.includes(mt)) fail(args[0], `${kind} rule supports only exact, prefix, suffix, substring, and regex name matching`);
    if (mt === 'regex') regex(args[1], ` in a ${kind} rule`);
  } else if (args.length > valueCount + 2) fail(args[valueCount + 2], `many few arguments for a ${kind} rule`);
}

function rcodeValid(v: string): boolean {
  const n = parseGoUint(v, 32);
  return (n !== undefined && n <= 23) || DNS_RCODES.has(v.toUpperCase());
}

function edns0Rule(args: Token[], anchor: Token): void {
  if (args.length < 2) fail(args[args.length - 1] ?? anchor, 'too few arguments for an EDNS0 rule');
  const type = args[0].text.toLowerCase();
  const action = args[1].text.toLowerCase();
  if (!['append', 'replace', 'set', 'unset'].includes(action)) fail(args[1], `invalid action: "${action}"`);
  const code16 = (t: Token) => {
    if (!/^(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|[1-9][0-9]*|0b[01]+)$/.test(t.text.replace(/_/g, '')) || Number(t.text.replace(/^0(?=[0-7])/, '0o')) > 0xffff) fail(t, `EDNS0 option code '${t.text}' is not a 16-bit number`);
  };
  if (action === 'unset') {
    const want = type === 'local' ? 3 : 2;
    if (!['local', 'nsid', 'subnet'].includes(type)) fail(args[0], `invalid rule type "${type}"`);
    if (args.length !== want) fail(args[want] ?? args[args.length - 1], `${type} unset action requires exactly ${want === 3 ? 'two arguments' : 'one argument'}`);
    if (type === 'local') code16(args[2]);
    return;
  }
  let list = args;
  if (list[list.length - 1].text === 'revert') list = list.slice(0, -1);
  if (type === 'local') {
    if (list.length !== 4) fail(list[list.length - 1], 'EDNS0 local rules require three or four args');
    code16(list[2]);
    const data = list[3].text;
    if (data.startsWith('{') && data.endsWith('}')) {
      const ok = ['{qname}', '{qtype}', '{client_ip}', '{client_port}', '{protocol}', '{server_ip}', '{server_port}'].includes(data) || /^\{[a-zA-Z0-9_-]+\/[a-zA-Z0-9_.\-/]+\}$/.test(data);
      if (!ok) fail(list[3], `unsupported variable name "${data}"`);
    } else if (data.startsWith('0x') && !/^([0-9a-fA-F]{2})*$/.test(data.slice(2))) fail(list[3], `'${data}' is not valid hex data`);
  } else if (type === 'nsid') {
    if (list.length !== 2) fail(list[2], 'EDNS0 NSID rules can accept no more than one arg');
  } else if (type === 'subnet') {
    if (list.length !== 4) fail(list[list.length - 1], 'EDNS0 subnet rules require three or four args');
    const v4 = parseGoUint(list[2].text, 16);
    if (v4 === undefined || v4 > 32) fail(list[2], `invalid IPv4 bit mask length ${list[2].text}`);
    const v6 = parseGoUint(list[3].text, 16);
    if (v6 === undefined || v6 > 128) fail(list[3], `invalid IPv6 bit mask length ${list[3].text}`);
  } else fail(args[0], `invalid rule type "${type}"`);
}

function checkRule(d: Directive): void {
  const args = ruleTokens(d);
  if (args.length === 0) fail(d.name, 'no rule type specified for rewrite');
  const first = args[0].text.toLowerCase();
  let rest = args;
  if (first === 'continue' || first === 'stop') {
    if (args.length < 2) fail(args[0], `${first} rule must begin with a rule type`);
    rest = args.slice(1);
  }
  const type = rest[0].text.toLowerCase();
  const ruleArgs = rest.slice(1);
  switch (type) {
    case 'answer':
      fail(rest[0], 'response rewrites must begin with a name rule');
    case 'name':
      return nameRule(ruleArgs, rest[0]);
    case 'class':
    case 'type': {
      if (ruleArgs.length !== 2) fail(ruleArgs[2] ?? ruleArgs[ruleArgs.length - 1] ?? rest[0], `${type} rules must have exactly two arguments`);
      const names = type === 'class' ? DNS_CLASSES : DNS_TYPES;
      for (const t of ruleArgs) if (!names.has(t.text.toUpperCase())) fail(t, `invalid ${type} "${t.text.toUpperCase()}"`);
      return;
    }
    case 'edns0':
      return edns0Rule(ruleArgs, rest[0]);
    case 'ttl':
      if (ruleArgs.length < 2) fail(ruleArgs[ruleArgs.length - 1] ?? rest[0], `too few (${ruleArgs.length}) arguments for a ttl rule`);
      if (ruleArgs.length <= 3) {
        const v = ruleArgs[ruleArgs.length - 1];
        if (!ttlValid(v.text)) fail(v, `invalid TTL '${v.text}' for a ttl rule`);
      }
      return matchedRule('ttl', ruleArgs, rest[0], 1, () => undefined);
    case 'rcode':
      return matchedRule('rcode', ruleArgs, rest[0], 2, (values) => {
        if (!rcodeValid(values[0].text)) fail(values[0], `invalid matching RCODE '${values[0].text}' for a rcode rule`);
        if (!rcodeValid(values[1].text)) fail(values[1], `invalid replacement RCODE '${values[1].text}' for a rcode rule`);
      });
    case 'cname':
      if (ruleArgs.length === 3) {
        const mt = ruleArgs[0].text.toLowerCase();
        if (!MATCH_TYPES.includes(mt)) fail(ruleArgs[0], `unknown cname rewrite type: ${mt}`);
        if (mt === 'regex') regex({ ...ruleArgs[1], text: ruleArgs[1].text.toLowerCase() }, ' in a cname rule');
      } else if (ruleArgs.length !== 2) fail(ruleArgs[ruleArgs.length - 1] ?? rest[0], `too few (${ruleArgs.length}) arguments for a cname rule`);
      return;
    default:
      fail(args[0], `invalid rule type "${args[0].text}"`);
  }
}

export function checkRewrite(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    if ([...d.args, ...(d.block?.properties ?? []).flatMap((p) => [p.name, ...p.args])].some(hasEnvPlaceholder)) continue;
    try {
      checkRule(d);
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      const kind = /few|many|exactly|require|missing|must begin|no rule type|invalid arguments|exceeded/.test(e.message) ? 'argument-count' : 'invalid-value';
      s.report(kind, e.token ?? d.name, e.message);
    }
  }
}
