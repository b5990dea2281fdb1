// Which language a file is, by name (and for YAML and JSON, by content). The VS Code manifest makes
// the same choice with its own patterns; this is the CLI's and other editors' version.

import type { LanguageId } from './rules';

/** db.* names that are code or data, never zone files. */
const NOT_ZONE_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'ts', 'json', 'jsonc', 'py', 'pyc', 'rb', 'go', 'rs', 'java', 'php', 'sql', 'sqlite', 'sqlite3',
  'db', 'yaml', 'yml', 'toml', 'md', 'lock', 'bak', 'swp', 'orig', 'gz', 'zip', 'tar', 'xz', 'bz2', 'png', 'jpg', 'svg',
]);

export const LANGUAGE_IDS: LanguageId[] = ['corefile', 'resolvconf', 'zone', 'k8s'];

/** VS Code language ids -> our language ids. */
export const VSCODE_LANGUAGE_IDS: Record<string, LanguageId> = {
  corefile: 'corefile',
  resolvconf: 'resolvconf',
  'dns-zone': 'zone',
  yaml: 'k8s',
  // JSON manifests (`kubectl get -o json`); other JSON is left alone by content.
  json: 'k8s',
};

export function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

export function languageByFileName(path: string): LanguageId | 'yaml' | undefined {
  const name = basename(path);
  if (name === 'Corefile' || name.startsWith('Corefile.') || name.endsWith('.corefile')) return 'corefile';
  if (name === 'resolv.conf' || name.startsWith('resolv.conf.') || name.endsWith('.resolv.conf')) return 'resolvconf';
  if (name.endsWith('.zone')) return 'zone';
  if (name.startsWith('db.') && name.length > 3) {
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    return NOT_ZONE_EXTENSIONS.has(ext) ? undefined : 'zone';
  }
  if (/\.(ya?ml|json)$/i.test(name)) return 'yaml';
  return undefined;
}

/**
 * A YAML (or JSON) text that holds at least one document whose top-level map has apiVersion
 * and kind: block style (`kind: Pod` at column 0, keys maybe quoted) or flow style / JSON (a
 * document that opens with `{` and names both keys). A cheap look, no parse: the k8s language
 * itself ignores documents without both keys.
 */
export function looksLikeKubernetes(text: string): boolean {
  if (BLOCK_API_VERSION.test(text) && BLOCK_KIND.test(text)) return true;
  return FLOW_START.test(text) && FLOW_API_VERSION.test(text) && FLOW_KIND.test(text);
}

/** A JSON text shaped like a Kubernetes object or List (`kubectl get -o json`). */
export function looksLikeKubernetesJson(text: string): boolean {
  return /^\s*[{[]/.test(text) && /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text);
}

const BLOCK_API_VERSION = /^["']?apiVersion["']?[ \t]*:/m;
const BLOCK_KIND = /^["']?kind["']?[ \t]*:/m;
/** A line that starts with `{` (after indentation or a `---`): a flow map or JSON object. */
const FLOW_START = /^(?:---[ \t]*)?[ \t]*\{/m;
const FLOW_API_VERSION = /[{,\s]["']?apiVersion["']?[ \t]*:/;
const FLOW_KIND = /[{,\s]["']?kind["']?[ \t]*:/;

/** Language of a file, or undefined when no language claims it. */
export function detectLanguage(path: string, text: string | undefined): LanguageId | undefined {
  if (/\.json$/i.test(basename(path))) return text !== undefined && (looksLikeKubernetes(text) || looksLikeKubernetesJson(text)) ? 'k8s' : undefined;
  const byName = languageByFileName(path);
  if (byName === 'yaml') return text !== undefined && looksLikeKubernetes(text) ? 'k8s' : undefined;
  return byName;
}
