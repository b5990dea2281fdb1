// corefile/cache-ttl-duration: `cache 3600s`. cache's first argument is a TTL only when it is
// a plain integer (plugin/cache/setup.go: strconv.Atoi); anything else starts the zone list,
// so `3600s` becomes the zone "3600s." and the cache caches nothing the server answers. A
// managed Kubernetes service shipped exactly this; CoreDNS starts without a word.

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { tokenRange } from '../parser';
import { parseGoDuration } from '../values';
import { findingAt, type RuleContext } from './context';

export const cacheTtlDuration = defineRule({ id: 'corefile/cache-ttl-duration', language: 'corefile', defaultSeverity: 'warning', title: "cache TTL written as a duration ('3600s') is read as a zone" });

export function checkCacheTtlDuration({ ast }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const block of ast.blocks) {
    for (const d of block.directives) {
      const first = d.args[0];
      if (d.name.text !== 'cache' || !first || !/^[0-9]+(?:\.[0-9]+)?(?:ns|us|µs|ms|s|m|h)$/.test(first.text)) continue;
      const ms = parseGoDuration(first.text);
      if (ms === undefined || ms < 1000) continue;
      const seconds = Math.round(ms / 1000);
      out.push(
        findingAt(cacheTtlDuration.id, first, `'${first.text}' is not a TTL: cache takes its first argument as a TTL only when it is a whole number of seconds, so this cache is for the zone '${first.text}.' and caches nothing else. Write 'cache ${seconds}'.`, {
          fixes: d.importedBy ? undefined : [{ title: `Change to 'cache ${seconds}'`, edits: [{ range: tokenRange(first), newText: String(seconds) }], preferred: true }],
        }),
      );
    }
  }
  return out;
}
