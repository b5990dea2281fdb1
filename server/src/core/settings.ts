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
  /** externalPlugins: plugins of a custom CoreDNS build ("unbound", or "unbound:<plugin.cfg position>"). */
  coredns: { version: string; externalPlugins?: string[] };
  resolvconf: { libc: 'glibc' | 'musl' };
  kubernetes: { version: string };
  zone: { origin: string };
  dns: { timeoutMs: number; tries: number; rootHints: string[] };
  proc: { maskSecrets: boolean };
  /** Directories $INCLUDE / import may read besides the workspace (infraLens.includePaths). */
  includePaths: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  debounceMs: 200,
  maxDiagnostics: 1000,
  maxFileSizeMb: 16,
  coredns: { version: '1.13.1', externalPlugins: [] },
  resolvconf: { libc: 'glibc' },
  kubernetes: { version: '1.35' },
  zone: { origin: '' },
  dns: { timeoutMs: 5000, tries: 3, rootHints: [] },
  proc: { maskSecrets: true },
  includePaths: [],
};

/** Bounds of the numeric settings (package.json states the same minimum/maximum): a
 * workspace's settings.json must not make a lookup that never ends (`dns.tries: 1e9`). */
export const NUMERIC_BOUNDS = {
  debounceMs: { min: 0, max: 5000 },
  'dns.timeoutMs': { min: 100, max: 60_000 },
  'dns.tries': { min: 1, max: 10 },
  maxDiagnostics: { min: 1, max: 100_000 },
  maxFileSizeMb: { min: 1, max: 1024 },
} as const;

function clamp(v: number, b: { min: number; max: number }): number {
  return Math.min(b.max, Math.max(b.min, v));
}

/** Settings that point the extension at a path, a server or root hints: in an untrusted
 * workspace only the user's own value counts (package.json restrictedConfigurations), and the
 * server, which cannot tell where a value came from, uses the defaults. */
export const RESTRICTED_SETTINGS = ['infraLens.dns.rootHints', 'infraLens.includePaths'] as const;

export function restrictForUntrusted(settings: Settings): Settings {
  return { ...settings, dns: { ...settings.dns, rootHints: DEFAULT_SETTINGS.dns.rootHints }, includePaths: DEFAULT_SETTINGS.includePaths };
}

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
  const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
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
    debounceMs: clamp(pick('lint', 'debounceMs', d.debounceMs, isNumber), NUMERIC_BOUNDS.debounceMs),
    maxDiagnostics: Math.floor(clamp(pick('lint', 'maxDiagnostics', d.maxDiagnostics, isNumber), NUMERIC_BOUNDS.maxDiagnostics)),
    maxFileSizeMb: clamp(pick('lint', 'maxFileSizeMb', d.maxFileSizeMb, isNumber), NUMERIC_BOUNDS.maxFileSizeMb),
    coredns: {
      version: pick('coredns', 'version', d.coredns.version, isString),
      externalPlugins: pick('coredns', 'externalPlugins', d.coredns.externalPlugins ?? [], (v) => Array.isArray(v) && v.every((x) => typeof x === 'string')),
    },
    resolvconf: { libc },
    kubernetes: { version: pick('kubernetes', 'version', d.kubernetes.version, isString) },
    zone: { origin: pick('zone', 'origin', d.zone.origin, (v) => typeof v === 'string') },
    dns: {
      timeoutMs: clamp(pick('dns', 'timeoutMs', d.dns.timeoutMs, isPositive), NUMERIC_BOUNDS['dns.timeoutMs']),
      tries: Math.round(clamp(pick('dns', 'tries', d.dns.tries, isPositive), NUMERIC_BOUNDS['dns.tries'])),
      rootHints: pick('dns', 'rootHints', d.dns.rootHints, (v) => Array.isArray(v) && v.every((x) => typeof x === 'string')),
    },
    proc: { maskSecrets: pick('proc', 'maskSecrets', d.proc.maskSecrets, (v) => typeof v === 'boolean') },
    includePaths: Array.isArray(s.includePaths) ? s.includePaths.filter((p): p is string => typeof p === 'string' && p.startsWith('/')) : d.includePaths,
  };
}
