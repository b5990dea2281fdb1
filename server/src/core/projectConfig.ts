// The project configuration file (`.infra-lens.json` or `infra-lens.config.json` at the
// repository root): the same keys as the `infraLens.*` settings, so the editor and CI judge a
// repository alike. Pure: the CLI and the server read the file, this module only parses,
// validates and merges. Keys may be nested (`{"coredns": {"version": "1.12.0"}}`) or dotted
// as in VS Code's settings.json (`"coredns.version"`, with or without `infraLens.`).

import { closestMatch } from './suggest';

export const PROJECT_CONFIG_FILE_NAMES = ['.infra-lens.json', 'infra-lens.config.json'];

/** The settings shape a client sends (`infraLens` section), before normalizeSettings. */
export type RawSettings = Record<string, unknown>;

/** Every key the file may set, as dotted paths; values are checked by normalizeSettings. */
export const PROJECT_CONFIG_KEYS = [
  'rules',
  'lint.debounceMs',
  'lint.maxDiagnostics',
  'coredns.version',
  'coredns.externalPlugins',
  'resolvconf.libc',
  'kubernetes.version',
  'kubernetes.schema',
  'zone.origin',
  'zone.origins',
  'zone.liveLens',
  'dns.timeoutMs',
  'dns.tries',
  'dns.rootHints',
  'proc.maskSecrets',
];
const RULE_LEVELS = ['off', 'error', 'warning', 'information', 'hint'];

export interface ProjectConfig {
  settings: RawSettings;
  /** Problems that make the file wrong; the CLI exits 2 on them, the editor shows them. */
  errors: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function setPath(target: RawSettings, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as RawSettings;
  }
  node[parts[parts.length - 1]] = value;
}

/** Flattens nested objects into dotted keys, stopping at the known keys (rules is a map). */
function flatten(obj: Record<string, unknown>, prefix: string, out: Map<string, unknown>): void {
  for (const [key, value] of Object.entries(obj)) {
    const dotted = (prefix ? `${prefix}.${key}` : key).replace(/^infraLens\./, '');
    if (PROJECT_CONFIG_KEYS.includes(dotted) || !isObject(value)) out.set(dotted, value);
    else flatten(value, dotted, out);
  }
}

/**
 * Checks the rule ids of a `rules` map (or `--rule` flags) against the registry: an unknown
 * id is an error naming the closest id, since a typo would otherwise silently do nothing.
 */
export function checkRuleSettings(rules: Record<string, unknown>, knownIds: string[], where: string): string[] {
  const errors: string[] = [];
  for (const [id, level] of Object.entries(rules)) {
    if (!knownIds.includes(id)) {
      const near = closestMatch(id, knownIds);
      errors.push(`${where}: unknown rule id '${id}'${near ? ` (did you mean '${near}'?)` : ''}; 'infra-lens rules' lists them`);
    }
    if (typeof level !== 'string' || !RULE_LEVELS.includes(level)) {
      errors.push(`${where}: rule '${id}' must be one of ${RULE_LEVELS.join(', ')}, not ${JSON.stringify(level)}`);
    }
  }
  return errors;
}

export function parseProjectConfig(text: string, fileName: string, knownRuleIds: string[]): ProjectConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { settings: {}, errors: [`${fileName}: not valid JSON: ${(e as Error).message}`] };
  }
  if (!isObject(json)) return { settings: {}, errors: [`${fileName}: must hold a JSON object`] };
  const errors: string[] = [];
  const flat = new Map<string, unknown>();
  const { $schema: _schema, ...body } = json;
  flatten(body, '', flat);
  const settings: RawSettings = {};
  for (const [key, value] of flat) {
    if (!PROJECT_CONFIG_KEYS.includes(key)) {
      const near = closestMatch(key, PROJECT_CONFIG_KEYS);
      errors.push(`${fileName}: unknown key '${key}'${near ? ` (did you mean '${near}'?)` : ''}`);
      continue;
    }
    if (key === 'rules') {
      if (!isObject(value)) {
        errors.push(`${fileName}: 'rules' must map rule ids to ${RULE_LEVELS.join('|')}`);
        continue;
      }
      errors.push(...checkRuleSettings(value, knownRuleIds, fileName));
    }
    if (key === 'zone.origins' && !(isObject(value) && Object.values(value).every((v) => typeof v === 'string'))) {
      errors.push(`${fileName}: 'zone.origins' must map path globs to origins`);
      continue;
    }
    setPath(settings, key, value);
  }
  return { settings, errors };
}

/** `over` on top of `base`: objects merge key by key (rules too), anything else replaces. */
export function mergeRawSettings(base: RawSettings, over: RawSettings): RawSettings {
  const out: RawSettings = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isObject(value) && isObject(out[key]) ? mergeRawSettings(out[key] as RawSettings, value) : value;
  }
  return out;
}

/** A path glob as in .gitignore-free tools: `**` any folders, `*` and `?` within a name. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * The origin `zone.origins` gives a file (path relative to the config's folder, with `/`),
 * first matching glob wins; a glob without `/` matches the file name in any folder.
 */
export function originForPath(origins: Record<string, string> | undefined, relativePath: string): string | undefined {
  if (!origins) return undefined;
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  for (const [glob, origin] of Object.entries(origins)) {
    if (globToRegExp(glob).test(glob.includes('/') ? relativePath : name)) return origin;
  }
  return undefined;
}

/**
 * VS Code answers `workspace/configuration` with every key, defaults included, so a value
 * equal to the manifest's default cannot be told from an unset one. Those are dropped, so
 * the project file is not overridden by defaults the user never set.
 */
export function withoutDefaults(raw: RawSettings, defaults: RawSettings): RawSettings {
  const out: RawSettings = {};
  for (const [key, value] of Object.entries(raw)) {
    const d = defaults[key];
    if (key !== 'rules' && isObject(value) && isObject(d)) {
      const inner = withoutDefaults(value, d);
      if (Object.keys(inner).length) out[key] = inner;
    } else if (JSON.stringify(value) !== JSON.stringify(d)) out[key] = value;
  }
  return out;
}

/** The `infraLens.*` defaults of package.json's configuration, nested like the raw settings. */
export function defaultsFromManifest(properties: Record<string, { default?: unknown }>): RawSettings {
  const out: RawSettings = {};
  for (const [key, spec] of Object.entries(properties)) {
    if (!key.startsWith('infraLens.') || spec.default === undefined) continue;
    setPath(out, key.slice('infraLens.'.length), spec.default);
  }
  return out;
}
