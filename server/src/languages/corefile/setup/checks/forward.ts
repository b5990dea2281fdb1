// forward (plugin/forward/setup.go parseStanza/parseBlock) and the shared rcode lists.

import type { Token } from '../../lexer';
import type { Directive } from '../../parser';
import { hasEnvPlaceholder } from '../../parser';
import { DNS_RCODES } from '../../dnsNames';
import { splitTransport, splitZonePort } from '../../serverKey';
import { isDomainName, isIP, splitHostPort } from '../../values';
import { genericBlock } from '..';
import type { PluginSetup } from '../context';

const MAX_UPSTREAMS = 15;

function rcodes(p: { name: Token; args: Token[] }, s: PluginSetup, forbidNoError: boolean): void {
  if (!s.propCount(p as never, 1, null)) return;
  for (const t of p.args) {
    if (hasEnvPlaceholder(t)) continue;
    const up = t.text.toUpperCase();
    if (!DNS_RCODES.has(up)) s.invalid(t, `${t.text} is not a valid rcode`);
    else if (forbidNoError && up === 'NOERROR') s.invalid(t, 'NoError cannot be used in failover');
  }
}

export function checkForward(occurrences: Directive[], s: PluginSetup): void {
  for (const d of occurrences) {
    if (!s.checkArgCount(d, 2, null, 'forward FROM TO...')) {
      genericBlock(d, s);
      continue;
    }
    const [from, ...to] = d.args;
    if (!hasEnvPlaceholder(from) && splitZonePort(splitTransport(from.text).rest).error) s.invalid(from, `unable to normalize '${from.text}': ${splitZonePort(splitTransport(from.text).rest).error}`);
    if (to.length > MAX_UPSTREAMS) s.invalid(to[MAX_UPSTREAMS], `more than ${MAX_UPSTREAMS} TO addresses (${to.length})`);
    let expire: number | undefined;
    let maxAge: { t: Token; ms: number } | undefined;
    let tlsServerName: Token | undefined;
    for (const p of d.block?.properties ?? []) {
      const a = p.args;
      switch (p.name.text) {
        case 'health_check': {
          if (!s.propCount(p, 1, null)) break;
          if (s.duration(a[0], { what: 'health_check interval', min: 0 }) === undefined) break;
          for (let i = 1; i < a.length; i++) {
            if (a[i].text === 'no_rec') continue;
            if (a[i].text === 'domain') {
              const fqdn = a[i + 1];
              if (!fqdn) s.argErr(a[i], 'health_check DURATION [no_rec] [domain FQDN]');
              else if (!hasEnvPlaceholder(fqdn) && !isDomainName(fqdn.text)) s.invalid(fqdn, `health_check: invalid domain name ${fqdn.text}`);
              i++;
              continue;
            }
            s.invalid(a[i], `health_check: unknown option ${a[i].text} (no_rec or domain FQDN)`);
            break;
          }
          break;
        }
        case 'next':
          rcodes(p, s, false);
          break;
        case 'failover':
          rcodes(p, s, true);
          break;
        case 'expire':
          if (s.propCount(p, 1, 1)) expire = s.duration(a[0], { what: 'expire', min: 0 });
          break;
        case 'max_age':
          if (s.propCount(p, 1, 1)) {
            const ms = s.duration(a[0], { what: 'max_age', min: 0 });
            if (ms !== undefined) maxAge = { t: a[0], ms };
          }
          break;
        case 'tls_servername':
          if (s.propCount(p, 1, 1)) tlsServerName = a[0];
          break;
        case 'resolver':
          if (s.propCount(p, 1, null)) for (const t of a) if (!hasEnvPlaceholder(t) && !isIP(t.text) && !(splitHostPort(t.text) && isIP(splitHostPort(t.text)!.host))) s.invalid(t, `resolver '${t.text}' is not ip[:port]`);
          break;
        case 'tls':
          s.propCount(p, 0, 3);
          break;
        default:
          if (!s.spec.properties[p.name.text]) s.unknownProperty(p);
          else s.checkPropertyFromTable(p);
      }
    }
    if (maxAge && maxAge.ms > 0 && maxAge.ms < (expire ?? 10_000)) s.conflict(maxAge.t, `max_age (${maxAge.t.text}) must not be less than expire (${expire === undefined ? '10s' : `${expire / 1000}s`})`);
    for (const t of to) {
      if (hasEnvPlaceholder(t)) continue;
      const { transport, rest } = splitTransport(t.text);
      if (!['dns', 'tls', 'https'].includes(transport)) s.invalid(t, `'${transport}' is not supported as a destination protocol in forward: ${t.text} (dns://, tls:// or https://)`);
      else if (transport === 'https' && rest.includes('/')) s.invalid(t, `paths are not allowed in HTTPS upstream addresses (the /dns-query path is used by default): ${t.text}`);
      else if (transport === 'tls' && rest.includes('%') && tlsServerName) s.conflict(t, `both forward ('${tlsServerName.text}') and proxy level ('${rest.split('%')[1].split(':')[0]}') TLS servernames are set for upstream proxy '${t.text}'`);
    }
  }
}
