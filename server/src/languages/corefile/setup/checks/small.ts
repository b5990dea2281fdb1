// Checks for plugins whose setup has a rule or two beyond the table. Each function follows
// the plugin's setup.go (named in its comment); messages follow CoreDNS's own.

import type { Token } from '../../lexer';
import type { Directive, Property } from '../../parser';
import { hasEnvPlaceholder } from '../../parser';
import { DNS_OPCODES, DNS_TYPES, goRegexGroups } from '../../dnsNames';
import { normalizeKey, splitTransport } from '../../serverKey';
import { isDomainName, isIP, parseCidr, parseGoInt, parseIPv6, splitHostPort } from '../../values';
import { genericBlock, genericCheck } from '..';
import { exprError, EXPR_ENV } from './template';
import type { PluginSetup } from '../context';

const props = (d: Directive): Property[] => d.block?.properties ?? [];
const env = (t: Token | undefined) => t !== undefined && hasEnvPlaceholder(t);

/** quic, https, https3, grpc_server: a property given twice is an error. */
export function checkServerTransport(occurrences: Directive[], s: PluginSetup): void {
  genericCheck(occurrences, s);
  const seen = new Set<string>();
  for (const p of props(occurrences[0])) {
    if (seen.has(p.name.text)) s.conflict(p.name, `${p.name.text} already defined`);
    seen.add(p.name.text);
  }
}

/** shed: only plain DNS server blocks (plugin/shed/setup.go). */
export function checkShed(occurrences: Directive[], s: PluginSetup): void {
  genericCheck(occurrences, s);
  const other = s.facts.block.keys.map((k) => splitTransport(k.text).transport).find((t) => t !== 'dns');
  if (other) s.invalid(occurrences[0].name, `shed only works in dns:// server blocks, not ${other}://`);
}

/** hosts: lines before "fallthrough" are inline entries (plugin/hosts/setup.go). */
export function checkHosts([d]: Directive[], s: PluginSetup): void {
  let fall: Token | undefined;
  let unsupported: Token | undefined;
  for (const p of props(d)) {
    const a = p.args;
    switch (p.name.text) {
      case 'fallthrough':
        fall = p.name;
        break;
      case 'fallthrough_unsupported':
        if (s.propCount(p, 0, 0)) unsupported = p.name;
        break;
      case 'no_reverse':
        break;
      case 'ttl':
        if (!a[0]) s.argErr(p.name, 'ttl SECONDS (1..65535)');
        else if (!env(a[0])) {
          const n = parseGoInt(a[0].text);
          if (n === undefined) s.invalid(a[0], 'ttl needs a number of second');
          else if (n <= 0 || n > 65535) s.invalid(a[0], `ttl provided is invalid: ${n} (1..65535)`);
        }
        break;
      case 'reload':
        if (s.propCount(p, 1, 1, 'reload DURATION (zero seconds to disable)')) s.duration(a[0], { what: 'reload', min: 0 });
        break;
      default:
        if (fall) s.unknownProperty(p, undefined, `unknown property '${p.name.text}' (after 'fallthrough' every line must be a property; put host entries before it)`);
        else if (!isIP(p.name.text) && !env(p.name)) s.invalid(p.name, `'${p.name.text}' is neither a hosts property nor an IP address of an inline host entry`);
    }
  }
  if (unsupported && !fall) s.conflict(unsupported, 'fallthrough_unsupported requires fallthrough');
}

/** etcd (plugin/etcd/setup.go etcdParse). */
export function checkEtcd([d]: Directive[], s: PluginSetup): void {
  for (const p of props(d)) {
    const a = p.args;
    switch (p.name.text) {
      case 'stubzones':
      case 'fallthrough':
      case 'debug':
      case 'upstream':
      case 'tls':
        break;
      case 'path':
      case 'endpoint':
        s.propCount(p, 1, null);
        break;
      case 'credentials':
        if (a.length === 0) s.argErr(p.name, 'credentials USERNAME PASSWORD');
        else if (a.length !== 2) s.invalid(a[0], 'credentials requires 2 arguments, username and password');
        break;
      case 'min-lease-ttl':
      case 'max-lease-ttl':
        if (s.propCount(p, 1, null) && !env(a[0])) s.duration(a[0], { what: p.name.text, min: 0, allowBareInt: true });
        break;
      default:
        s.unknownProperty(p);
    }
  }
}

/** erratic (plugin/erratic/setup.go): arguments are ignored; amounts are >= 0. */
export function checkErratic(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    for (const p of props(d)) {
      const a = p.args;
      switch (p.name.text) {
        case 'drop':
        case 'truncate':
          if (s.propCount(p, 0, 1) && a[0]) s.int(a[0], { what: `${p.name.text} amount`, min: 0, max: 2147483647 });
          break;
        case 'delay':
          if (!s.propCount(p, 0, 2)) break;
          if (a[0] && s.int(a[0], { what: 'delay amount', min: 0, max: 2147483647 }) !== undefined && a[1]) s.duration(a[1], { what: 'delay' });
          break;
        case 'large':
          break;
        default:
          s.unknownProperty(p);
      }
    }
  }
}

/** timeouts (plugin/timeouts/timeouts.go): a block is required; bare integers are seconds. */
export function checkTimeouts(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    s.checkArgCount(d, 0, 0, 'timeouts { read|write|idle DURATION; maxtcpqueries N }');
    if (!d.block || d.block.properties.length === 0) {
      s.argErr(d.block?.open ?? d.name, 'timeouts needs a block with at least one of read, write, idle, maxtcpqueries');
      continue;
    }
    for (const p of d.block.properties) {
      const a = p.args;
      if (p.name.text === 'maxtcpqueries') {
        if (s.propCount(p, 1, 1)) {
          const n = s.int(a[0], { what: 'maxtcpqueries' });
          if (n !== undefined && n !== -1 && n <= 0) s.invalid(a[0], `maxtcpqueries must be -1 (unlimited) or greater than 0: ${n}`);
        }
      } else if (['read', 'write', 'idle'].includes(p.name.text)) {
        if (s.propCount(p, 1, 1)) s.duration(a[0], { what: `timeouts ${p.name.text}`, min: 1000, max: 86_400_000, allowBareInt: true });
      } else s.unknownProperty(p);
    }
  }
}

/** reload (plugin/reload/setup.go): interval >= 2s, jitter 0 or >= 1s. */
export function checkReload([d]: Directive[], s: PluginSetup): void {
  if (!s.checkArgCount(d, 0, 2, 'reload [INTERVAL] [JITTER]')) return;
  s.noBlock(d);
  if (d.args[0]) s.duration(d.args[0], { what: 'interval', min: 2000 });
  const j = d.args[1];
  if (j) {
    const ms = s.duration(j, { what: 'jitter', min: 0 });
    if (ms !== undefined && ms !== 0 && ms < 1000) s.invalid(j, `jitter '${j.text}' must be 0 or at least 1s`);
  }
}

/** route53 (plugin/route53/setup.go): ZONE:HOSTED_ZONE_ID arguments. */
export function checkRoute53(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    const seen = new Set<string>();
    for (const t of d.args) {
      if (env(t)) continue;
      const i = t.text.indexOf(':');
      if (i <= 0 || i === t.text.length - 1) s.invalid(t, `invalid zone "${t.text}" (expected ZONE:HOSTED_ZONE_ID)`);
      else if (seen.has(t.text)) s.invalid(t, `conflict zone "${t.text}"`);
      seen.add(t.text);
    }
    for (const p of props(d)) {
      const a = p.args;
      switch (p.name.text) {
        case 'aws_access_key':
          if (a.length < 2) s.invalid(a[0] ?? p.name, `invalid access key: '[${a.map((x) => x.text).join(' ')}]' (expected ID SECRET)`);
          break;
        case 'aws_endpoint':
          s.propCount(p, 1, null);
          break;
        case 'credentials':
          s.propCount(p, 1, 2, 'credentials PROFILE [FILENAME]');
          break;
        case 'refresh':
          if (s.propCount(p, 1, null)) s.duration(a[0], { what: 'refresh', min: 0, minExclusive: true, allowBareInt: true });
          break;
        case 'upstream':
        case 'fallthrough':
          break;
        default:
          s.unknownProperty(p);
      }
    }
  }
}

/** clouddns (plugin/clouddns/setup.go): ZONE:PROJECT_ID:HOSTED_ZONE_NAME arguments. */
export function checkCloudDNS(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    const seen = new Set<string>();
    for (const t of d.args) {
      if (env(t)) continue;
      const parts = t.text.split(':');
      if (parts.length !== 3 || parts.some((x) => x === '')) s.invalid(t, `invalid zone "${t.text}" (expected ZONE:PROJECT_ID:HOSTED_ZONE_NAME)`);
      else if (seen.has(t.text)) s.invalid(t, `conflict zone "${t.text}"`);
      seen.add(t.text);
    }
    genericBlock(d, s);
  }
}

/** azure (plugin/azure/setup.go): RESOURCE_GROUP:ZONE arguments. */
export function checkAzure(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    const seen = new Set<string>();
    for (const t of d.args) {
      if (env(t)) continue;
      const parts = t.text.split(':');
      if (parts.length !== 2 || parts.some((x) => x === '')) s.invalid(t, `invalid resource group / zone "${t.text}" (expected RESOURCE_GROUP:ZONE)`);
      else if (seen.has(t.text)) s.invalid(t, `conflicting zone "${t.text}"`);
      seen.add(t.text);
    }
    genericBlock(d, s);
  }
}

/** transfer (plugin/transfer/setup.go): "to" is required, "source" is one IP, once. */
export function checkTransfer(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    let to = false;
    let source = false;
    for (const p of props(d)) {
      if (p.name.text === 'to') {
        if (!s.propCount(p, 1, null)) continue;
        to = true;
        for (const t of p.args) {
          if (t.text === '*' || env(t)) continue;
          const hp = splitHostPort(t.text);
          // An IPv6 zone ("fe80::1%eth0") is allowed.
          const ip = (x: string) => isIP(x.replace(/%[^%]+$/, ''));
          if (!ip(t.text) && !(hp && ip(hp.host))) s.invalid(t, `'${t.text}' is not an IP address (to takes IP[:port] or *)`);
        }
      } else if (p.name.text === 'source') {
        if (!s.propCount(p, 1, 1)) continue;
        if (source) s.conflict(p.name, 'source already specified');
        source = true;
        if (!env(p.args[0]) && !isIP(p.args[0].text)) s.invalid(p.args[0], `invalid source address "${p.args[0].text}"`);
      } else s.unknownProperty(p);
    }
    if (!to) s.argErr(d.block?.open ?? d.name, "'to' is required: transfer [ZONE...] { to ADDRESS... }");
  }
}

/** tls (plugin/tls/tls.go): CERT KEY [CA], or no arguments and an ACME block. */
export function checkTls(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    if (d.args.length === 0) {
      checkAcme(d, s);
      continue;
    }
    if (!s.checkArgCount(d, 2, 3, 'tls CERT KEY [CA]')) continue;
    for (const p of props(d)) {
      if (p.name.text === 'client_auth') {
        if (s.propCount(p, 1, 1)) s.oneOf(p.args[0], ['nocert', 'request', 'require', 'verify_if_given', 'require_and_verify'], { what: 'authentication type' });
      } else if (p.name.text === 'keylog') s.propCount(p, 1, 1);
      else s.unknownProperty(p, ['client_auth', 'keylog']);
    }
  }
}

function checkAcme(d: Directive, s: PluginSetup): void {
  const seen = new Set<string>();
  let domains = false;
  for (const p of props(d)) {
    const name = p.name.text;
    if (seen.has(name)) {
      s.conflict(p.name, `ACME option "${name}" can only be specified once`);
      continue;
    }
    seen.add(name);
    const a = p.args;
    switch (name) {
      case 'acme':
        if (!s.propCount(p, 1, null)) break;
        domains = true;
        for (const t of a) {
          if (env(t)) continue;
          const dom = t.text.toLowerCase().replace(/\.$/, '');
          const check = dom.replace(/^\*\./, '');
          if (dom === '' || check === '' || check.includes('*') || isIP(check) || !isDomainName(check)) s.invalid(t, `invalid ACME domain "${t.text}"`);
        }
        break;
      case 'email':
      case 'storage':
      case 'ca_root':
        s.propCount(p, 1, 1);
        break;
      case 'ca':
        if (s.propCount(p, 1, 1) && !env(a[0]) && !/^https?:\/\/[^/]+/.test(a[0].text)) s.invalid(a[0], `invalid ACME CA URL "${a[0].text}" (http(s)://host/...)`);
        break;
      case 'resolver': {
        if (!s.propCount(p, 1, 1) || env(a[0])) break;
        const hp = splitHostPort(a[0].text);
        const port = hp ? parseGoInt(hp.port) : undefined;
        if (!hp) s.invalid(a[0], `invalid ACME resolver "${a[0].text}": missing port in address`);
        else if (hp.host === '') s.invalid(a[0], `invalid ACME resolver "${a[0].text}": host is empty`);
        else if (port === undefined || port < 1 || port > 65535) s.invalid(a[0], `invalid ACME resolver port "${hp.port}"`);
        break;
      }
      default:
        s.unknownProperty(p, ['acme', 'email', 'ca', 'storage', 'ca_root', 'resolver'], `unknown ACME option "${name}"`);
    }
  }
  if (!domains) s.argErr(d.block?.open ?? d.name, 'tls CERT KEY [CA], or tls { acme DOMAIN... } (ACME requires at least one domain)');
}

/** dnstap (plugin/dnstap/setup.go). */
export function checkDnstap(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    if (d.args.length === 0) {
      s.argErr(d.name, 'dnstap [listen] ENDPOINT [full] [WRITEBUFFER] [QUEUE]');
      continue;
    }
    let args = d.args;
    const listener = args[0].text === 'listen';
    if (listener) {
      if (args.length < 2) {
        s.argErr(args[0], 'dnstap listen requires an endpoint argument');
        continue;
      }
      args = args.slice(1);
    }
    if (args[2]) s.int(args[2], { what: 'MultipleTcpWriteBuf (MiB)', min: 1, max: 1024 });
    if (args[3]) s.int(args[3], { what: 'MultipleQueue (x10k messages)', min: 1, max: 4096 });
    for (const p of props(d)) {
      if (p.name.text === 'tls') {
        if (!listener) s.conflict(p.name, 'tls directive only valid for listeners (dnstap listen ENDPOINT)');
        else if (p.args.length < 2) s.argErr(p.args[0] ?? p.name, 'tls requires cert and key file paths');
      } else if (p.name.text === 'skipverify') s.propCount(p, 0, 0);
      else if (['identity', 'version', 'extra'].includes(p.name.text)) s.propCount(p, 1, 1);
      else s.unknownProperty(p);
    }
  }
}

/** proxyproto (plugin/proxyproto/setup.go). */
export function checkProxyproto(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    s.checkArgCount(d, 0, 0, 'proxyproto { allow CIDR...; default use|ignore|reject|skip; udp_session_tracking DURATION [MAX] }');
    for (const p of props(d)) {
      const a = p.args;
      if (p.name.text === 'allow') {
        for (const t of a) if (!env(t) && !parseCidr(t.text)) s.invalid(t, `${t.text}: invalid CIDR address`);
      } else if (p.name.text === 'udp_session_tracking') {
        if (!s.propCount(p, 1, 2, 'udp_session_tracking DURATION [MAX_SESSIONS]')) continue;
        if (s.duration(a[0], { what: 'udp_session_tracking' }) === undefined) continue;
        if (a[1]) s.int(a[1], { what: 'udp_session_tracking max sessions', min: 1 });
      } else if (p.name.text === 'default') s.checkPropertyFromTable(p);
      else s.unknownProperty(p);
    }
  }
}

/** auto (plugin/auto/setup.go): directory DIR [REGEXP TEMPLATE]. */
export function checkAuto(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    for (const p of props(d)) {
      const a = p.args;
      if (p.name.text === 'directory') {
        if (!s.propCount(p, 1, 3, 'directory DIR [REGEXP TEMPLATE]')) continue;
        if (a[1] && !env(a[1])) {
          if (a[1].text.length > 10000) {
            s.invalid(a[1], 'regexp too large');
            continue;
          }
          const groups = goRegexGroups(a[1].text);
          if (groups === undefined) s.invalid(a[1], `error parsing regexp: ${a[1].text}`);
          else if (groups === 0) s.invalid(a[1], 'Need at least one sub expression');
          else if (!a[2]) s.argErr(a[1], 'directory DIR [REGEXP TEMPLATE]');
        }
      } else if (p.name.text === 'reload') {
        if (s.propCount(p, 1, null)) s.duration(a[0], { what: 'reload', min: 0 });
      } else if (p.name.text !== 'upstream') s.unknownProperty(p);
    }
  }
}

/** acl (plugin/acl/setup.go): ACTION [type QTYPE...|*] [net SOURCE...|*]. */
export function checkAcl(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    for (const p of props(d)) {
      if (!['allow', 'block', 'filter', 'drop'].includes(p.name.text.toLowerCase())) {
        s.invalid(p.name, `unexpected token '${p.name.text}'; expect 'allow', 'block', 'filter' or 'drop'`);
        continue;
      }
      let section = '';
      const counts: Record<string, number> = {};
      for (const t of p.args) {
        const w = t.text.toLowerCase();
        if (w === 'type' || w === 'net') {
          section = w;
          counts[w] = 0;
          continue;
        }
        if (!section) {
          s.invalid(t, `unexpected token '${t.text}'; expect 'type | net'`);
          break;
        }
        counts[section]++;
        if (env(t) || t.text === '*') continue;
        if (section === 'type' && !DNS_TYPES.has(t.text.toUpperCase())) s.invalid(t, `unexpected token '${t.text}'; expect legal QTYPE`);
        if (section === 'net' && !isIP(t.text) && !parseCidr(t.text)) s.invalid(t, `illegal CIDR notation '${t.text}'`);
      }
      for (const [k, n] of Object.entries(counts)) if (n === 0) s.argErr(p.args.find((t) => t.text.toLowerCase() === k) ?? p.name, `${k} needs at least one value`);
    }
  }
}

/** tsig (plugin/tsig/setup.go): every error there is a generic argument error. */
export function checkTsig([d]: Directive[], s: PluginSetup): void {
  for (const p of props(d)) {
    const a = p.args;
    switch (p.name.text) {
      case 'secret':
        s.propCount(p, 2, 2, 'secret NAME KEY');
        break;
      case 'secrets':
        s.propCount(p, 1, 1, 'secrets FILE');
        break;
      case 'require':
        if (!s.propCount(p, 1, null, 'require QTYPE... | all | none')) break;
        for (const t of a) if (!env(t) && !['all', 'none'].includes(t.text.toLowerCase()) && !DNS_TYPES.has(t.text.toUpperCase())) s.invalid(t, `'${t.text}' is not a query type (or all / none)`);
        break;
      case 'require_opcode':
        if (!s.propCount(p, 1, null, 'require_opcode OPCODE... | all | none')) break;
        for (const t of a) if (!env(t) && !['all', 'none'].includes(t.text.toLowerCase()) && !DNS_OPCODES.has(t.text.toUpperCase())) s.invalid(t, `'${t.text}' is not an opcode (QUERY, IQUERY, STATUS, NOTIFY, UPDATE, all, none)`);
        break;
      default:
        s.unknownProperty(p);
    }
  }
}

/** dns64 (plugin/dns64/setup.go): an IPv6 prefix of /32, /40, /48, /56, /64 or /96. */
export function checkDns64(occurrences: Directive[], s: PluginSetup): void {
  const prefix = (t: Token) => {
    if (env(t)) return;
    const c = parseCidr(t.text);
    if (!c || !c.v6 || parseIPv6(t.text.split('/')[0]) === undefined) s.invalid(t, `'${t.text}' not a valid IPv6 CIDR`);
    else if (![32, 40, 48, 56, 64, 96].includes(c.bits)) s.invalid(t, `invalid netmask ${c.bits} IPv6 prefix must be 32, 40, 48, 56, 64 or 96 bits`);
  };
  for (const d of occurrences) {
    if (s.checkArgCount(d, 0, 1, 'dns64 [PREFIX]') && d.args[0]) prefix(d.args[0]);
    for (const p of props(d)) {
      if (p.name.text === 'prefix') {
        if (s.propCount(p, 1, 1)) prefix(p.args[0]);
      } else if (p.name.text === 'translate_all' || p.name.text === 'allow_ipv4') s.propCount(p, 0, 0);
      else s.unknownProperty(p);
    }
  }
}

/** trace (plugin/trace/setup.go). */
export function checkTrace(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    if (!s.checkArgCount(d, 0, 2, 'trace [ENDPOINT-TYPE] [ENDPOINT]')) continue;
    if (d.args.length === 2) s.oneOf(d.args[0], ['zipkin', 'datadog'], { what: 'endpoint type' });
    for (const p of props(d)) {
      const a = p.args;
      switch (p.name.text) {
        case 'client_server':
          if (s.propCount(p, 0, 1) && a[0] && !env(a[0]) && !['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(a[0].text)) s.invalid(a[0], `client_server: '${a[0].text}' is not a boolean`);
          break;
        case 'datadog_analytics_rate':
          if (s.propCount(p, 0, 1) && a[0]) s.float(a[0], { what: 'datadog_analytics_rate', min: 0, max: 1 });
          break;
        case 'every':
          if (s.propCount(p, 1, 1)) s.int(a[0], { what: 'every', unsigned: true });
          break;
        default:
          if (!s.spec.properties[p.name.text]) s.unknownProperty(p);
          else s.checkPropertyFromTable(p);
      }
    }
  }
}

/** loadbalance (plugin/loadbalance/setup.go): round_robin, or weighted FILE. */
export function checkLoadbalance(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    if (!s.checkArgCount(d, 0, 2, 'loadbalance [round_robin | weighted WEIGHTFILE]')) continue;
    const policy = d.args[0] ? s.oneOf(d.args[0], ['round_robin', 'weighted'], { what: 'policy' }) : 'round_robin';
    if (policy === 'round_robin' && d.args[1]) s.argErr(d.args[1], 'loadbalance round_robin takes no further argument');
    if (policy === 'weighted' && !d.args[1]) s.argErr(d.args[0], 'loadbalance weighted WEIGHTFILE');
    for (const p of props(d)) {
      if (p.name.text === 'prefer' && policy !== 'weighted') {
        for (const t of p.args) if (!env(t) && !parseCidr(t.text)) s.invalid(t, `invalid CIDR '${t.text}'`);
      } else if (p.name.text === 'reload' && policy === 'weighted') s.checkPropertyFromTable(p);
      else s.unknownProperty(p, policy === 'weighted' ? ['reload'] : ['prefer']);
    }
  }
}

/** header (plugin/header/setup.go): query|response set|clear FLAG... */
export function checkHeader([d]: Directive[], s: PluginSetup): void {
  if (!d.block || d.block.properties.length === 0) {
    s.argErr(d.name, 'header { query|response set|clear FLAG... }');
    return;
  }
  for (const p of props(d)) {
    const sel = p.name.text.toLowerCase();
    if (sel !== 'query' && sel !== 'response') {
      s.invalid(p.name, `setting up rule: invalid selector=${p.name.text} should be query or response`);
      continue;
    }
    const [action, ...flags] = p.args;
    if (!action) s.argErr(p.name, 'no flag action provided');
    else if (flags.length === 0) s.argErr(action, 'invalid length for flags, at least one should be provided');
    else if (!['set', 'clear'].includes(action.text.toLowerCase())) s.invalid(action, `unknown flag action=${action.text}, should be set or clear`);
    else for (const f of flags) if (!['aa', 'ra', 'rd'].includes(f.text.toLowerCase())) s.invalid(f, `unknown/unsupported flag=${f.text} (aa, ra or rd)`);
  }
}

/** secondary (plugin/secondary/setup.go): needs "transfer from". */
export function checkSecondary(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    let from = false;
    for (const p of props(d)) {
      const a = p.args;
      if (p.name.text === 'transfer') {
        if (!s.propCount(p, 2, null, 'transfer from ADDRESS...')) continue;
        if (a[0].text !== 'from') s.invalid(a[0], `expected 'from', got '${a[0].text}'`);
        for (const t of a.slice(1)) {
          if (t.text === '*') s.invalid(t, "'*' is not allowed in transfer from");
          else if (!env(t) && !isIP(t.text) && !(splitHostPort(t.text) && isIP(splitHostPort(t.text)!.host))) s.invalid(t, `'${t.text}' is not an IP address`);
        }
        from = true;
      } else if (p.name.text === 'catalog') {
        for (const t of p.args) if (!env(t) && normalizeKey(t.text).error) s.invalid(t, `invalid catalog member zone '${t.text}'`);
      } else if (p.name.text !== 'fallthrough') s.unknownProperty(p);
    }
    if (!from) s.argErr(d.block?.open ?? d.name, 'secondary needs a block with transfer from ADDRESS');
  }
}

/** pprof: block [RATE]. */
export function checkPprof([d]: Directive[], s: PluginSetup): void {
  genericCheck([{ ...d, block: undefined }], s);
  for (const p of props(d)) {
    if (p.name.text !== 'block') s.unknownProperty(p);
    else if (s.propCount(p, 0, 1) && p.args[0]) s.int(p.args[0], { what: 'block rate' });
  }
}

/** dnssec: key file KEY... | key aws_secretsmanager SECRET...; cache_capacity N. */
export function checkDnssec([d]: Directive[], s: PluginSetup): void {
  for (const p of props(d)) {
    if (p.name.text === 'key') {
      if (s.propCount(p, 2, null, 'key file KEY... | key aws_secretsmanager SECRET...')) s.oneOf(p.args[0], ['file', 'aws_secretsmanager'], { what: 'key source' });
    } else if (p.name.text === 'cache_capacity') {
      if (s.propCount(p, 1, 1)) s.int(p.args[0], { what: 'cache_capacity', min: 0 });
    } else s.unknownProperty(p);
  }
}

/** log: class needs at least one of success, denial, error, all. */
export function checkLog(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    for (const p of props(d)) {
      if (p.name.text !== 'class') s.unknownProperty(p);
      else if (s.propCount(p, 1, null, 'class success|denial|error|all...')) for (const t of p.args) s.oneOf(t, ['success', 'denial', 'error', 'all'], { what: 'class' });
    }
  }
}

/** sign: the db file name must be valid UTF-8 (U+FFFD marks bytes the lexer replaced). */
export function checkSign(occurrences: Directive[], s: PluginSetup): void {
  genericCheck(occurrences, s);
  for (const d of occurrences) if (d.args[0]?.text.includes('\uFFFD')) s.invalid(d.args[0], 'invalid dbfile name (not valid UTF-8)');
}

/** grpc: FROM must be a zone, at most 15 upstreams. */
export function checkGrpc(occurrences: Directive[], s: PluginSetup): void {
  genericCheck(occurrences, s);
  for (const d of occurrences) {
    const from = d.args[0];
    if (from && !env(from) && normalizeKey(from.text).error) s.invalid(from, `unable to normalize '${from.text}': ${normalizeKey(from.text).error}`);
    if (d.args.length > 16) s.invalid(d.args[16], `more than 15 TO addresses (${d.args.length - 1})`);
  }
}

/** view (plugin/view/setup.go): one NAME; expr lines must compile. */
export function checkView([d]: Directive[], s: PluginSetup): void {
  s.checkArgCount(d, 1, 1, 'view NAME { expr EXPRESSION }');
  for (const p of props(d)) {
    if (p.name.text !== 'expr') s.unknownProperty(p);
    else if (s.propCount(p, 1, null)) {
      const err = exprError(p.args, new Set([...EXPR_ENV].filter((n) => n !== 'group')));
      if (err) s.invalid(p.args[0], `could not compile expression: ${err}`);
    }
  }
}

/** k8s_external needs kubernetes in the same block (it fails at start-up without it). */
export function checkK8sExternal(occurrences: Directive[], s: PluginSetup): void {
  genericCheck(occurrences, s);
  if (!s.facts.plugins.has('kubernetes') && !s.facts.block.hasOpaqueImport) s.report('missing-plugin', occurrences[0].name, "needs the 'kubernetes' plugin in the same server block (CoreDNS fails at start-up without it)");
}

/** autopath @PLUGIN names a plugin of the same block that implements AutoPath. */
export function checkAutopath(occurrences: Directive[], s: PluginSetup): void {
  genericCheck(occurrences, s);
  for (const d of occurrences) {
    const last = d.args[d.args.length - 1];
    if (!last || !last.text.startsWith('@') || env(last)) continue;
    const name = last.text.slice(1);
    // At start-up CoreDNS looks the plugin up in this block: absent, autopath silently does nothing.
    if (!s.facts.plugins.has(name)) {
      if (!s.facts.block.hasOpaqueImport) s.report('missing-plugin', last, `autopath ${last.text}: there is no '${name}' plugin in this server block, so autopath does nothing`, { severity: 'warning' });
    } else if (!['kubernetes', 'erratic'].includes(name)) s.invalid(last, `${name} does not implement the AutoPather interface (kubernetes, erratic do)`);
    else if (name === 'kubernetes') {
      const k8s = s.facts.block.directives.find((x) => x.name.text === 'kubernetes');
      const pods = k8s?.block?.properties.find((p) => p.name.text === 'pods');
      if (k8s && pods?.args[0]?.text !== 'verified') s.report('missing-plugin', last, "autopath @kubernetes needs 'pods verified' in the kubernetes block to find the client's namespace", { severity: 'warning' });
    }
  }
}
