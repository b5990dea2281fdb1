// template (plugin/template/setup.go templateParse): CLASS TYPE [ZONES], answer/additional/
// authority Go templates, match regexes, var/expr expressions (checked for names and shape,
// not types), rcode, ederror.

import type { Token } from '../../lexer';
import type { Directive } from '../../parser';
import { hasEnvPlaceholder } from '../../parser';
import { DNS_CLASSES, DNS_RCODES, DNS_TYPES, goRegexCompiles } from '../../dnsNames';
import { parseGoUint } from '../../values';
import type { PluginSetup } from '../context';

const MAX_REGEX = 10000;
const TEMPLATE_FUNCS = new Set(['and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'parseInt']);
const TEMPLATE_KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'nil', 'true', 'false', 'break', 'continue']);
/** expr environment of the template plugin (plugin/pkg/expression + group). */
export const EXPR_ENV = new Set(['incidr', 'metadata', 'type', 'name', 'class', 'proto', 'size', 'client_ip', 'port', 'id', 'opcode', 'do', 'bufsize', 'server_ip', 'server_port', 'group']);
/** expr-lang builtins and keywords: reserved as variable names. */
const EXPR_BUILTINS = new Set([
  'len', 'all', 'none', 'any', 'one', 'filter', 'map', 'find', 'findIndex', 'findLast', 'findLastIndex', 'count', 'sum', 'groupBy', 'sortBy', 'reduce', 'abs', 'ceil', 'floor', 'round', 'int', 'float', 'string',
  'trim', 'trimPrefix', 'trimSuffix', 'upper', 'lower', 'split', 'splitAfter', 'replace', 'repeat', 'join', 'indexOf', 'lastIndexOf', 'hasPrefix', 'hasSuffix', 'max', 'min', 'mean', 'median', 'toJSON', 'fromJSON',
  'toBase64', 'fromBase64', 'now', 'duration', 'date', 'timezone', 'first', 'last', 'get', 'take', 'keys', 'values', 'toPairs', 'fromPairs', 'sort', 'concat', 'flatten', 'uniq', 'bitand', 'bitor', 'bitxor', 'bitnand',
  'bitnot', 'bitshl', 'bitshr', 'bitushr', 'type', 'reverse',
]);
const EXPR_KEYWORDS = new Set(['true', 'false', 'nil', 'let', 'in', 'not', 'and', 'or', 'matches', 'contains', 'startsWith', 'endsWith', 'if', 'else', 'nil']);

/** Go text/template Parse errors that show in the text: unclosed actions, unknown functions. */
export function templateError(text: string): string | undefined {
  let i = 0;
  for (;;) {
    const open = text.indexOf('{{', i);
    if (open < 0) return undefined;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) return 'unclosed action';
    const action = text.slice(open + 2, close).replace(/^-\s|\s-$/g, '');
    const words = action.replace(/"(\\.|[^"\\])*"|`[^`]*`|'(\\.|[^'\\])*'/g, ' ').split(/[\s()|]+/).filter(Boolean);
    if (words.length === 0 && !/\/\*/.test(action)) return 'missing value for command';
    for (const w of words) {
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(w) && !TEMPLATE_KEYWORDS.has(w) && !TEMPLATE_FUNCS.has(w)) return `function "${w}" not defined`;
    }
    i = close + 2;
  }
}

type ExprType = 'int' | 'string' | 'unknown';

/** The type of a simple expression: literals, typed variables and + - * / between them. */
export function exprType(src: string, types: Map<string, ExprType>): ExprType | { error: string } {
  const parts = src.split(/\s*([+\-*/])\s*/).filter((x) => x !== '');
  let result: ExprType | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    const operand = parts[i].trim();
    const t: ExprType = /^[0-9]+$/.test(operand) ? 'int' : /^'[^']*'$|^"[^"]*"$/.test(operand) ? 'string' : (types.get(operand) ?? 'unknown');
    if (t === 'unknown') return 'unknown';
    const op = parts[i - 1];
    if (result !== undefined && result !== t) return { error: `invalid operation: ${result} ${op} ${t} (mismatched types ${result} and ${t})` };
    if (result === 'string' && op !== '+') return { error: `invalid operation: string ${op} string` };
    result = t;
  }
  return result ?? 'unknown';
}

/** expr-lang Compile errors visible without full types: unknown names, a dangling operator,
 * + between a string and a number. */
export function exprError(tokens: Token[], known: Set<string>, types = new Map<string, ExprType>()): string | undefined {
  const src = tokens.map((t) => t.text).join(' ');
  const typed = exprType(src, types);
  if (typeof typed === 'object') return typed.error;
  const stripped = src.replace(/"(\\.|[^"\\])*"|'(\\.|[^'\\])*'|`[^`]*`/g, ' 0 ');
  if (/(\+|-|\*|\/|%|==|!=|<=|>=|<|>|&&|\|\||\?|:|\band\b|\bor\b|\bnot\b|!)\s*$/.test(stripped)) return 'unexpected end of expression';
  const re = /(\.?)([A-Za-z_][A-Za-z0-9_]*)/g;
  let m: RegExpExecArray | null;
  let previousWasValue = false;
  let last = 0;
  while ((m = re.exec(stripped))) {
    const between = stripped.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] === '.' || /[0-9]$/.test(between + (stripped[m.index - 1] ?? ''))) continue;
    const name = m[2];
    if (previousWasValue && between.trim() === '' && !EXPR_KEYWORDS.has(name)) return `unexpected token Identifier("${name}")`;
    if (!EXPR_KEYWORDS.has(name) && !known.has(name) && !EXPR_BUILTINS.has(name)) return `unknown name ${name}`;
    previousWasValue = !EXPR_KEYWORDS.has(name);
  }
  return undefined;
}

export function checkTemplate(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    const [cls, type] = d.args;
    if (!cls || !type) {
      s.argErr(d.args[d.args.length - 1] ?? d.name, 'template CLASS TYPE [ZONE...]');
      continue;
    }
    if (!hasEnvPlaceholder(cls) && !DNS_CLASSES.has(cls.text)) {
      s.invalid(cls, `invalid query class ${cls.text} (IN, CH, HS, CS, NONE or ANY, upper case)`);
      continue;
    }
    if (!hasEnvPlaceholder(type) && !DNS_TYPES.has(type.text)) {
      s.invalid(type, `invalid RR class ${type.text} (a query type such as A, AAAA, ANY, upper case)`);
      continue;
    }
    const vars = new Set<string>();
    const types = new Map<string, ExprType>();
    for (const p of d.block?.properties ?? []) {
      const a = p.args;
      switch (p.name.text) {
        case 'match':
          if (!s.propCount(p, 1, null)) break;
          for (const r of a) {
            if (r.text.length > MAX_REGEX) s.invalid(r, `regex pattern too long: ${r.text.length} > ${MAX_REGEX}`);
            else if (!goRegexCompiles(r.text)) s.invalid(r, `could not parse regex: ${r.text}`);
          }
          break;
        case 'answer':
        case 'additional':
        case 'authority':
          if (!s.propCount(p, 1, null)) break;
          for (const t of a) {
            const err = templateError(t.text);
            if (err) s.invalid(t, `could not compile template: ${p.name.text}: ${err}`);
          }
          break;
        case 'var': {
          if (!s.propCount(p, 2, null)) break;
          const name = a[0].text;
          if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) s.invalid(a[0], `invalid variable name "${name}"`);
          else if (EXPR_ENV.has(name) || EXPR_BUILTINS.has(name) || EXPR_KEYWORDS.has(name) || vars.has(name)) s.invalid(a[0], `variable name "${name}" is reserved`);
          else {
            const err = exprError(a.slice(1), new Set([...EXPR_ENV, ...vars]), types);
            if (err) s.invalid(a[1], `could not compile expression: ${name}, ${err}`);
            vars.add(name);
            const t = exprType(a.slice(1).map((x) => x.text).join(' '), types);
            types.set(name, typeof t === 'string' ? t : 'unknown');
          }
          break;
        }
        case 'expr': {
          if (!s.propCount(p, 1, null)) break;
          const err = exprError(a, new Set([...EXPR_ENV, ...vars]), types);
          if (err) s.invalid(a[0], `could not compile expression: ${err}`);
          break;
        }
        case 'rcode':
          if (!s.propCount(p, 1, null)) break;
          if (!DNS_RCODES.has(a[0].text)) s.invalid(a[0], `unknown rcode ${a[0].text} (NOERROR, NXDOMAIN, SERVFAIL, REFUSED, ..., upper case)`);
          break;
        case 'ederror':
          if (!s.propCount(p, 1, 2)) break;
          if (parseGoUint(a[0].text, 16) === undefined) s.invalid(a[0], `error parsing extended DNS error code ${a[0].text}: not a 16-bit number`);
          break;
        case 'fallthrough':
        case 'upstream':
          break;
        default:
          s.unknownProperty(p);
      }
    }
  }
}
