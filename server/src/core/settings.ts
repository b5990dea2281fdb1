// Settings the analysis reads, with their defaults. The VS Code manifest documents the
// same keys under "infraLens.*"; the CLI and other editors get the defaults.

import type { Severity } from './finding';

export type RuleSetting = 'off' | Severity;

export interface Settings {
  rules: Record<string, RuleSetting>;
  debounceMs: number;
  /** Diagnostics published per document at most (the rest counted in one summary). */
  maxDiagnostics: number;
  /** Documents larger than this (MB) are not analyzed in the editor; the CLI lints them. */
  maxFileSizeMb: number;
  coredns: { version: string };
  resolvconf: { libc: 'glibc' | 'musl' };
  kubernetes: { version: string };
  zone: { origin: string };
  dns: { timeoutMs: number; tries: number; rootHints: string[] };
  proc: { maskSecrets: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  debounceMs: 200,
  maxDiagnostics: 1000,
  maxFileSizeMb: 16,
  coredns: { version: '1.13.1' },
  resolvconf: { libc: 'glibc' },
  kubernetes: { version: '1.35' },
  zone: { origin: '' },
  dns: { timeoutMs: 5000, tries: 3, rootHints: [] },
  proc: { maskSecrets: true },
};

const RULE_SETTINGS = new Set<RuleSetting>(['off', 'error', 'warning', 'information', 'hint']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges what a client sent over the defaults, dropping values of the wrong type. */
export function normalizeSettings(raw: unknown): Settings {
  const s = isObject(raw) ? raw : {};
  const pick = <T>(section: string, key: string, fallback: T, ok: (v: unknown) => boolean): T => {
    const sec = s[section];
    const v = isObject(sec) ? sec[key] : undefined;
    return ok(v) ? (v as T) : fallback;
  };
  const isString = (v: unknown) => typeof v === 'string' && v !== '';
  const isPositive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const rules: Record<string, RuleSetting> = {};
  if (isObject(s.rules)) {
    for (const [id, value] of Object.entries(s.rules)) {
      if (typeof value === 'string' && RULE_SETTINGS.has(value as RuleSetting)) rules[id] = value as RuleSetting;
    }
  }
  const d = DEFAULT_SETTINGS;
  const libc = pick('resolvconf', 'libc', d.resolvconf.libc, (v) => v === 'glibc' || v === 'musl');
  return {
    rules,
    debounceMs: pick('lint', 'debounceMs', d.debounceMs, (v) => typeof v === 'number' && v >= 0),
    maxDiagnostics: Math.floor(pick('lint', 'maxDiagnostics', d.maxDiagnostics, (v) => typeof v === 'number' && v >= 1 && v <= 1_000_000)),
    maxFileSizeMb: pick('lint', 'maxFileSizeMb', d.maxFileSizeMb, (v) => typeof v === 'number' && v > 0 && v <= 1024),
    coredns: { version: pick('coredns', 'version', d.coredns.version, isString) },
    resolvconf: { libc },
    kubernetes: { version: pick('kubernetes', 'version', d.kubernetes.version, isString) },
    zone: { origin: pick('zone', 'origin', d.zone.origin, (v) => typeof v === 'string') },
    dns: {
      timeoutMs: pick('dns', 'timeoutMs', d.dns.timeoutMs, isPositive),
      tries: pick('dns', 'tries', d.dns.tries, isPositive),
      rootHints: pick('dns', 'rootHints', d.dns.rootHints, (v) => Array.isArray(v) && v.every((x) => typeof x === 'string')),
    },
    proc: { maskSecrets: pick('proc', 'maskSecrets', d.proc.maskSecrets, (v) => typeof v === 'boolean') },
  };
}
