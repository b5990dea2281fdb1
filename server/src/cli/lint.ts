// `infra-lens lint`: files and directories in, findings out in the chosen format.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectLanguage, LANGUAGE_IDS } from '../core/languageDetect';
import { lintText } from '../core/lint';
import type { LanguageId } from '../core/rules';
import { DEFAULT_SETTINGS, type RuleSetting, type Settings } from '../core/settings';
import { LANGUAGES } from '../languages';
import { type FileResult, formatJson, formatSarif, formatText } from './lintFormats';
import { lastOption, parseArgs, UsageError } from './usage';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Files whose content decides whether they are Kubernetes manifests. */
const MANIFEST_NAME = /\.(ya?ml|json)$/i;
const RULE_SETTINGS = ['off', 'error', 'warning', 'information', 'hint'];

interface Target {
  file: string;
  /** Named on the command line (not found by walking a directory). */
  explicit: boolean;
}

function collectTargets(paths: string[]): Target[] {
  const targets: Target[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(e.name)) walk(full);
      } else if (e.isFile()) targets.push({ file: full, explicit: false });
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
    }
    if (stat.isDirectory()) walk(p);
    else targets.push({ file: p, explicit: true });
  }
  return targets;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

export async function runLintCli(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['format', 'language', 'origin', 'rule'], []);
  const format = lastOption(args, 'format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  const forced = lastOption(args, 'language');
  if (forced !== undefined && !LANGUAGE_IDS.includes(forced as LanguageId)) throw new UsageError(`--language must be one of ${LANGUAGE_IDS.join(', ')}`);
  if (args.positional.length === 0) throw new UsageError('lint needs at least one file or directory');

  const rules: Record<string, RuleSetting> = {};
  for (const r of args.options.get('rule') ?? []) {
    const [id, level] = r.split('=');
    if (!id || !RULE_SETTINGS.includes(level)) throw new UsageError(`--rule expects ID=off|error|warning|information|hint, not '${r}'`);
    rules[id] = level as RuleSetting;
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, rules, zone: { origin: lastOption(args, 'origin') ?? '' } };

  const results: FileResult[] = [];
  const targets = collectTargets(args.positional);
  // Cross-document rules (a StatefulSet's headless Service) see the other YAML files of the run:
  // one list, read once and kept the same array, so the k8s workspace index is built once.
  const uris = new Map<string, string>();
  const uriOf = (file: string) => {
    let uri = uris.get(file);
    if (uri === undefined) uris.set(file, (uri = pathToFileURL(path.resolve(file)).toString()));
    return uri;
  };
  const readTexts = new Map<string, string>();
  let workspaceList: Array<{ uri: string; text: string }> | undefined;
  const workspaceDocuments = () =>
    (workspaceList ??= targets
      .filter((t) => MANIFEST_NAME.test(t.file))
      .flatMap((t) => {
        const text = tryRead(t.file);
        if (text !== undefined) readTexts.set(t.file, text);
        return text === undefined ? [] : [{ uri: uriOf(t.file), text }];
      }));
  for (const target of targets) {
    let language = forced as LanguageId | undefined;
    let text: string | undefined;
    if (!language) {
      // Only YAML needs its content to decide; avoid reading every other file of a tree.
      const needsContent = MANIFEST_NAME.test(target.file);
      text = needsContent ? (readTexts.get(target.file) ?? readText(target.file)) : undefined;
      language = detectLanguage(target.file, text);
    }
    if (!language) {
      if (target.explicit) process.stderr.write(`infra-lens: skipping ${target.file}: no language claims it (use --language)\n`);
      continue;
    }
    text ??= readTexts.get(target.file) ?? readText(target.file);
    const ctx = {
      uri: uriOf(target.file),
      settings,
      workspaceDocuments,
      readFile: (p: string) => {
        try {
          return fs.readFileSync(p, 'utf8');
        } catch {
          return undefined;
        }
      },
    };
    const { findings } = await lintText(LANGUAGES[language], text, ctx);
    results.push({ file: target.file, language, findings });
  }

  const out = format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, packageVersion()) : formatText(results);
  process.stdout.write(out);
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function tryRead(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function packageVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version as string;
  } catch {
    return '0.0.0';
  }
}
