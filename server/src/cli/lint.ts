// `infra-lens lint`: files and directories in, findings out in the chosen format.
// Settings: defaults < the project config file < command-line flags.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectLanguage, LANGUAGE_IDS, looksLikeKubernetes, looksLikeKubernetesJson } from '../core/languageDetect';
import { includeDirListerFor, includeReaderFor } from '../core/includeReader';
import { escapeForTerminal } from '../core/terminalText';
import { finalizeFindings, lintText } from '../core/lint';
import type { LanguageService } from '../core/languageService';
import { checkRuleSettings, mergeRawSettings, originForPath, type RawSettings } from '../core/projectConfig';
import type { LanguageId } from '../core/rules';
import { RULE_IDS } from '../core/ruleIds';
import { normalizeSettings, type Settings } from '../core/settings';
import { type FileResult, formatGithub, formatJson, formatSarif, formatText } from './lintFormats';
import { loadProjectConfig } from '../core/projectConfigFile';
import { DEFAULT_MAX_FILE_BYTES, errnoReason, readLintInput } from './readInput';
import { LINT_VALUED_OPTIONS } from './lintOptions';
import { lastOption, parseArgs, UsageError } from './usage';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
const FORMATS = ['text', 'json', 'sarif', 'github'];
/** Files whose content decides whether they are Kubernetes manifests. */

interface Target {
  file: string;
  /** Named on the command line (not found by walking a directory). */
  explicit: boolean;
  /** `-`: the text comes from standard input (`kubectl get cm coredns -o yaml | infra-lens lint -`). */
  stdin?: boolean;
}

/** Files whose language depends on their content (Kubernetes manifests among other YAML and JSON). */
const CONTENT_DETECTED = /\.(ya?ml|json)$/i;

/** Files to lint, and a message for each path that could not be read (exit status 2). */
function collectTargets(paths: string[], problems: string[]): Target[] {
  const targets: Target[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (e) {
      problems.push(`cannot read directory ${dir}: ${errnoReason(e)}`);
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      // Symlinks are not followed while walking (no loops, no leaving the tree).
      if (e.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(e.name)) walk(full);
      } else if (e.isFile()) targets.push({ file: full, explicit: false });
    }
  };
  for (const p of paths) {
    if (p === '-') {
      targets.push({ file: '-', explicit: true, stdin: true });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      problems.push(`cannot read ${p}: ${errnoReason(e)}`);
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else targets.push({ file: p, explicit: true });
  }
  return targets;
}

function parseRuleFlags(values: string[]): Record<string, string> {
  const rules: Record<string, string> = {};
  for (const r of values) {
    const eq = r.indexOf('=');
    if (eq <= 0) throw new UsageError(`--rule expects ID=off|error|warning|information|hint, not '${r}'`);
    rules[r.slice(0, eq)] = r.slice(eq + 1);
  }
  const errors = checkRuleSettings(rules, [...RULE_IDS], '--rule');
  if (errors.length) throw new UsageError(errors.join('\n'));
  return rules;
}

function flagSettings(args: ReturnType<typeof parseArgs>): RawSettings {
  const raw: RawSettings = {};
  const set = (section: string, key: string, value: string | undefined) => {
    if (value === undefined) return;
    raw[section] = { ...((raw[section] as RawSettings) ?? {}), [key]: value };
  };
  const libc = lastOption(args, 'libc');
  if (libc !== undefined && libc !== 'glibc' && libc !== 'musl') throw new UsageError(`--libc must be glibc or musl, not '${libc}'`);
  set('resolvconf', 'libc', libc);
  set('kubernetes', 'version', lastOption(args, 'kubernetes-version'));
  set('coredns', 'version', lastOption(args, 'coredns-version'));
  set('zone', 'origin', lastOption(args, 'origin'));
  const rules = parseRuleFlags(args.options.get('rule') ?? []);
  if (Object.keys(rules).length) raw.rules = rules;
  return raw;
}

function maxFileBytes(args: ReturnType<typeof parseArgs>): number {
  const value = lastOption(args, 'max-file-size');
  if (value === undefined) return DEFAULT_MAX_FILE_BYTES;
  const m = /^(\d+)([kmg]?)i?b?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-file-size expects a size such as 50M, not '${value}'`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/**
 * Lints what argv names with the given languages: every language (dist/cli-lint.js), or only
 * the zone language (dist/cli-lint-zone.js, chosen by cli/lintBundle.ts when only zone files
 * are named).
 */
export async function runLintCli(argv: string[], languages: Partial<Record<LanguageId, LanguageService>>): Promise<number> {
  const args = parseArgs(argv, LINT_VALUED_OPTIONS, []);
  const format = lastOption(args, 'format') ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not '${format}'`);
  const forced = lastOption(args, 'language');
  if (forced !== undefined && !LANGUAGE_IDS.includes(forced as LanguageId)) throw new UsageError(`--language must be one of ${LANGUAGE_IDS.join(', ')}`);
  if (args.positional.length === 0) throw new UsageError('lint needs at least one file or directory');
  const maxBytes = maxFileBytes(args);

  const config = loadProjectConfig(lastOption(args, 'config'), process.cwd(), [...RULE_IDS]);
  if (config.errors.length) throw new UsageError(config.errors.join('\n'));
  const raw = mergeRawSettings(config.settings, flagSettings(args));
  const base: Settings = normalizeSettings(raw);
  const origins = (raw.zone as RawSettings | undefined)?.origins as Record<string, string> | undefined;
  const originFlag = lastOption(args, 'origin');
  const settingsFor = (file: string): Settings => {
    if (originFlag !== undefined || !origins) return base;
    const rel = path.relative(config.dir, path.resolve(file)).split(path.sep).join('/');
    const origin = originForPath(origins, rel);
    return origin === undefined ? base : { ...base, zone: { ...base.zone, origin } };
  };

  const problems: string[] = [];
  const results: FileResult[] = [];
  const targets = collectTargets(args.positional, problems);
  // $INCLUDE / import stay inside the trees given on the command line, plus --allow-include DIR
  // and includePaths from the project config.
  const includeRoots = [
    ...args.positional.filter((p) => p !== '-').map((p) => (isDirectory(p) ? path.resolve(p) : path.dirname(path.resolve(p)))),
    ...(args.options.get('allow-include') ?? []).map((d) => path.resolve(d)),
    ...base.includePaths,
  ];
  if (targets.filter((t) => t.stdin).length > 1) throw new UsageError("'-' (standard input) can be named once");
  // Standard input is named by --stdin-filename (for its language and in the output), else "<stdin>".
  const stdinName = lastOption(args, 'stdin-filename');
  const nameOf = (t: Target) => (t.stdin ? (stdinName ?? '<stdin>') : t.file);
  const uriOf = new Map(targets.map((t) => [t.file, pathToFileURL(path.resolve(nameOf(t))).toString()]));
  // Cross-document rules (a StatefulSet's headless Service) see the other YAML files of the
  // run; each is read once, and only when a rule first asks.
  let yamlDocuments: Array<{ uri: string; text: string }> | undefined;
  const texts = new Map<string, string>();
  const workspaceDocuments = () =>
    (yamlDocuments ??= targets
      .filter((t) => !t.stdin && CONTENT_DETECTED.test(t.file))
      .flatMap((t) => {
        const text = texts.get(t.file) ?? tryRead(t.file, maxBytes);
        return text === undefined ? [] : [{ uri: uriOf.get(t.file)!, text }];
      }));
  for (const target of targets) {
    let language = forced as LanguageId | undefined;
    let text: string | undefined;
    const read = () => {
      if (target.stdin) return readStdin();
      const input = readLintInput(target.file, maxBytes);
      if (!input.ok) problems.push(`cannot lint ${target.file}: ${input.reason}`);
      return input.ok ? input.text : undefined;
    };
    if (!language && target.stdin) {
      const input = readStdin();
      text = input;
      language = stdinName ? detectLanguage(stdinName, input) : looksLikeKubernetes(input) || looksLikeKubernetesJson(input) ? 'k8s' : undefined;
      if (!language) throw new UsageError(`cannot tell the language of standard input${stdinName ? ` named ${stdinName}` : ''}: use --language or --stdin-filename`);
    }
    if (!language) {
      // Only YAML and JSON need their content to decide; avoid reading every other file of a tree.
      const needsContent = CONTENT_DETECTED.test(target.file);
      if (needsContent) {
        text = read();
        if (text === undefined) continue;
        texts.set(target.file, text);
      }
      language = detectLanguage(target.file, text);
    }
    if (!language) {
      if (target.explicit) process.stderr.write(escapeForTerminal(`infra-lens: skipping ${target.file}: no language claims it (use --language)`) + '\n');
      continue;
    }
    text ??= read();
    if (text === undefined) continue;
    const ctx = {
      uri: uriOf.get(target.file)!,
      settings: settingsFor(nameOf(target)),
      workspaceDocuments,
      readFile: includeReaderFor(path.resolve(target.file), language, includeRoots),
      listDir: includeDirListerFor(path.resolve(target.file), includeRoots),
      realPath: (p: string) => fs.realpathSync(p),
    };
    const service = languages[language];
    if (!service) throw new Error(`this lint bundle has no ${language} language`);
    const findings = service.check ? finalizeFindings(await service.check(text, ctx), text, service as LanguageService, ctx.settings) : (await lintText(service, text, ctx)).findings;
    results.push({ file: nameOf(target), language, findings });
  }

  for (const p of problems) process.stderr.write(`infra-lens: ${escapeForTerminal(p)}\n`);
  const out =
    format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, packageVersion()) : format === 'github' ? formatGithub(results) : formatText(results);
  // Text and GitHub formats quote file content: no raw control characters (JSON/SARIF escape their own).
  process.stdout.write(format === 'text' || format === 'github' ? escapeForTerminal(out) : out);
  if (problems.length) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

let stdinText: string | undefined;
/** Standard input, read once. */
function readStdin(): string {
  try {
    return (stdinText ??= fs.readFileSync(0, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read standard input: ${errnoReason(e)}`);
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function tryRead(file: string, maxBytes: number): string | undefined {
  const input = readLintInput(file, maxBytes);
  return input.ok ? input.text : undefined;
}

function packageVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version as string;
  } catch {
    return '0.0.0';
  }
}
