// Status of a plugin option at a target CoreDNS version, read from the deprecation table.

import { DEPRECATION_EVENTS, type DeprecationEvent } from './deprecationTable';

const parsedVersions = new Map<string, number[]>();

function parseVersion(v: string): number[] {
  let p = parsedVersions.get(v);
  if (!p) {
    p = v.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0);
    if (parsedVersions.size < 1000) parsedVersions.set(v, p);
  }
  return p;
}

export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Options the table says were renamed: the old name and its successor. */
export const RENAMED_OPTIONS: Record<string, Record<string, string>> = { forward: { fail_fast: 'failfast_all_unhealthy_upstreams' } };

export interface OptionStatus {
  status: 'removed' | 'ignored' | 'deprecated' | 'not-yet';
  since: string;
  replacement?: string;
}

/** What the table says about plugin/option at `version`; undefined when nothing is wrong. */
/** Events per "plugin option", in version order (built once). */
const BY_OPTION = new Map<string, DeprecationEvent[]>();
for (const e of [...DEPRECATION_EVENTS].sort((a, b) => compareVersions(a.version, b.version))) {
  if (!e.option) continue;
  const key = `${e.plugin} ${e.option}`;
  BY_OPTION.set(key, [...(BY_OPTION.get(key) ?? []), e]);
}

export function optionStatus(plugin: string, option: string, version: string): OptionStatus | undefined {
  const events = BY_OPTION.get(`${plugin} ${option}`);
  if (!events) return undefined;
  const replacement = RENAMED_OPTIONS[plugin]?.[option];
  let current: OptionStatus | undefined;
  const firstAppearance = events.find((e) => e.change === 'option-appears');
  if (firstAppearance && compareVersions(version, firstAppearance.version) < 0 && !events.some((e) => e.change === 'option-status' && compareVersions(e.version, firstAppearance.version) < 0)) {
    return { status: 'not-yet', since: firstAppearance.version };
  }
  for (const e of events) {
    if (compareVersions(e.version, version) > 0) break;
    if (e.change === 'option-status' && (e.to === 'removed' || e.to === 'ignored' || e.to === 'deprecated')) current = { status: e.to, since: e.version, replacement };
    else if (e.change === 'option-status') current = undefined;
    else if (e.change === 'option-gone-from-table' && replacement) current = { status: 'removed', since: e.version, replacement };
  }
  return current;
}

/** Whether a property is known to have been removed from a plugin (then the deprecation rule explains it). */
export function wasRemoved(plugin: string, option: string): boolean {
  return (BY_OPTION.get(`${plugin} ${option}`) ?? []).some((e) => e.to === 'removed' || (e.change === 'option-gone-from-table' && RENAMED_OPTIONS[plugin]?.[option] !== undefined));
}
