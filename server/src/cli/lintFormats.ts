// The output formats of `infra-lens lint`: text (1-based, like compilers), JSON (0-based LSP
// positions, the CLI contract), SARIF 2.1.0 (1-based regions) and GitHub Actions workflow
// commands (annotations on the pull request's diff).

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding, Range, Severity } from '../core/finding';
import type { LanguageId, RuleMeta } from '../core/rules';
import { getRule, ruleDocPath } from '../core/rules';

export interface FileResult {
  file: string;
  language: LanguageId;
  findings: Finding[];
}

/**
 * The path a finding is reported on: the linted file, or for a finding in an `$INCLUDE`d /
 * imported file that file's path — relative to the working folder when the linted file was
 * named relatively, as a plain path (never a percent-encoded URI).
 */
export function findingPath(r: FileResult, f: Finding): string {
  if (!f.uri) return r.file;
  let absolute: string;
  try {
    absolute = fileURLToPath(f.uri);
  } catch {
    return f.uri;
  }
  return path.isAbsolute(r.file) ? absolute : path.relative(process.cwd(), absolute) || absolute;
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      const sev = f.severity ?? 'error';
      count[sev]++;
      const file = findingPath(r, f);
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${sev}: ${f.message} [${f.ruleId}]`);
    }
  }
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  lines.push(
    `${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ` +
      `${count.information + count.hint} other in ${withFindings} of ${results.length} file${results.length === 1 ? '' : 's'}`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
  const out = results.map((r) => ({
    file: r.file,
    language: r.language,
    diagnostics: r.findings.map((f) => ({
      range: f.range,
      severity: f.severity ?? 'error',
      code: f.ruleId,
      message: f.message,
      ...(f.uri ? { file: findingPath(r, f) } : {}),
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function sarifRegion(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function formatSarif(results: FileResult[], toolVersion: string): string {
  const ruleIds = [...new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort();
  const rules = ruleIds.map((id) => {
    const meta: RuleMeta | undefined = getRule(id);
    return {
      id,
      shortDescription: { text: meta?.title ?? id },
      helpUri: `https://github.com/infra-lens/infra-lens/blob/main/${ruleDocPath(id)}`,
      defaultConfiguration: { level: SARIF_LEVEL[meta?.defaultSeverity ?? 'error'] },
    };
  });
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIds.indexOf(f.ruleId),
      level: SARIF_LEVEL[f.severity ?? 'error'],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toArtifactUri(findingPath(r, f)) },
            region: sarifRegion(f.range),
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'infra-lens', version: toolVersion, informationUri: 'https://github.com/infra-lens/infra-lens', rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Relative paths stay relative (SARIF consumers resolve them against the checkout). */
function toArtifactUri(file: string): string {
  return path.isAbsolute(file) ? pathToFileURL(file).toString() : file.split(path.sep).map(encodeURIComponent).join('/');
}

const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Workflow-command escaping: the message escapes %, CR, LF; properties also ':' and ','. */
function githubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message`, one per finding. */
export function formatGithub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const { start, end } = f.range;
      const props = [
        `file=${githubProperty(findingPath(r, f).split(path.sep).join('/'))}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${githubProperty(`infra-lens ${f.ruleId}`)}`,
      ];
      lines.push(`::${GITHUB_COMMAND[f.severity ?? 'error']} ${props.join(',')}::${githubData(`${f.message} [${f.ruleId}]`)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
