// The parts of package.json's `contributes.configuration` that come from the code: the rule
// ids `infraLens.rules` offers, and the version lists of the version settings.
// scripts/gen-manifest-settings.mjs writes them; test/unit/manifestSettings.test.ts checks
// package.json is current.

import { allRules } from './core/rules';
import { DEFAULT_SETTINGS } from './core/settings';
import { DEPRECATION_EVENTS } from './languages/corefile/deprecationTable';
import { PLUGIN_SOURCE } from './languages/corefile/pluginTable';
import { TLS_HOST_NAMES_SINCE } from './languages/corefile/rules/forward-tls-host';
import './languages'; // registers every rule

function byVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pb[i] ?? 0) - (pa[i] ?? 0);
  return 0;
}

/** Every rule id, sorted. */
export function ruleIds(): string[] {
  return allRules().map((r) => r.id);
}

/** The CoreDNS release the plugin table was generated from. */
function pluginTableVersion(): string[] {
  const m = /CoreVersion (\d+\.\d+\.\d+)/.exec(PLUGIN_SOURCE);
  return m ? [m[1]] : [];
}

/**
 * CoreDNS releases the rules tell apart (the migration table's, the one that accepts tls://
 * host names, the plugin table's own) and the default; newest first.
 */
export function corednsVersions(): string[] {
  return [...new Set([DEFAULT_SETTINGS.coredns.version, TLS_HOST_NAMES_SINCE, ...pluginTableVersion(), ...DEPRECATION_EVENTS.map((e) => e.version)])].sort(byVersion);
}

/** Kubernetes minor versions the k8s rules distinguish (in-place resize from 1.27 on); newest first. */
export function kubernetesVersions(): string[] {
  const [major, minor] = DEFAULT_SETTINGS.kubernetes.version.split('.').map(Number);
  const out: string[] = [];
  for (let m = minor + 1; m >= 27; m--) out.push(`${major}.${m}`);
  return out;
}

/** The generated pieces, keyed by setting. */
export function generatedSettings(): { rules: string[]; coredns: string[]; kubernetes: string[] } {
  return { rules: ruleIds(), coredns: corednsVersions(), kubernetes: kubernetesVersions() };
}
