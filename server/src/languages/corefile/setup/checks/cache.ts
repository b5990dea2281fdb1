// cache (plugin/cache/setup.go cacheParse).

import type { Token } from '../../lexer';
import type { Directive } from '../../parser';
import { parseGoInt } from '../../values';
import type { PluginSetup } from '../context';

const FIVE_MINUTES = 300_000;

export function checkCache([d]: Directive[], s: PluginSetup): void {
  const first = d.args[0];
  if (first) {
    const ttl = parseGoInt(first.text);
    if (ttl !== undefined && ttl <= 0) s.invalid(first, `cache TTL can not be zero or negative: ${ttl}`);
  }
  let serveStale = false;
  let policy: Token | undefined;
  for (const p of d.block?.properties ?? []) {
    const a = p.args;
    switch (p.name.text) {
      case 'success':
      case 'denial':
        if (!s.propCount(p, 1, null)) break;
        s.int(a[0], { what: `${p.name.text} capacity` });
        if (a[1] && s.int(a[1], { what: 'cache TTL', min: 1 }) === undefined) break;
        if (a[2]) s.int(a[2], { what: 'cache min TTL', min: 0 });
        break;
      case 'prefetch':
        if (!s.propCount(p, 1, 3)) break;
        if (s.int(a[0], { what: 'prefetch amount', min: 0 }) === undefined) break;
        if (a[1] && s.duration(a[1], { what: 'prefetch duration' }) === undefined) break;
        if (a[2]) {
          if (!a[2].text.endsWith('%')) s.invalid(a[2], `last character of percentage should be '%', but is: '${a[2].text.slice(-1)}'`);
          else s.int({ ...a[2], text: a[2].text.slice(0, -1) }, { what: 'percentage', min: 10, max: 90 });
        }
        break;
      case 'serve_stale': {
        serveStale = true;
        if (!s.propCount(p, 0, 5)) break;
        if (a[0] && s.duration(a[0], { what: 'serve_stale duration', min: 0 }) === undefined) break;
        if (!a[1]) break;
        const mode = a[1].text.toLowerCase();
        if (mode !== 'immediate' && mode !== 'verify') {
          s.invalid(a[1], `invalid value for serve_stale refresh mode: ${mode} (immediate or verify)`);
          break;
        }
        let rest = a.slice(2);
        if (mode === 'verify') {
          if (rest[0] && s.duration(rest[0], { what: 'serve_stale verify timeout', min: 0 }) === undefined) break;
          rest = rest.slice(1);
        } else if (a.length > 4) {
          s.argErr(a[3], 'serve_stale [DURATION] [immediate [RESPONSE_TTL [RECHECK]]]');
          break;
        }
        if (rest[0]) {
          const ms = s.duration(rest[0], { what: 'serve_stale response TTL', min: 0 });
          if (ms === undefined) break;
          if (ms % 1000 !== 0) {
            s.invalid(rest[0], 'serve_stale response TTL must be a whole number of seconds');
            break;
          }
          if (ms / 1000 > 4294967295) {
            s.invalid(rest[0], 'serve_stale response TTL exceeds the DNS TTL range');
            break;
          }
        }
        if (rest[1]) s.duration(rest[1], { what: 'serve_stale failure recheck', min: 0, max: FIVE_MINUTES });
        break;
      }
      case 'serve_stale_policy':
        if (policy) {
          s.conflict(p.name, 'serve_stale_policy can only be specified once');
          break;
        }
        policy = p.name;
        if (s.propCount(p, 1, 1)) s.oneOf(a[0], ['prefer_positive'], { caseInsensitive: true, what: 'serve_stale_policy' });
        break;
      case 'servfail':
        if (s.propCount(p, 1, 1)) s.duration(a[0], { what: 'servfail TTL', min: 0, max: FIVE_MINUTES });
        break;
      case 'disable':
        if (s.propCount(p, 1, null)) s.oneOf(a[0], ['success', 'denial'], { what: 'cache type for disable' });
        break;
      case 'keepttl':
        s.propCount(p, 0, 0);
        break;
      default:
        s.unknownProperty(p);
    }
  }
  if (policy && !serveStale) s.conflict(policy, 'serve_stale_policy requires serve_stale');
}
