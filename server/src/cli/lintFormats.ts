// The three output formats of `infra-lens lint`: text (1-based, like compilers), JSON
// (0-based LSP positions, the CLI contract) and SARIF 2.1.0 (1-based regions).

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Range, Severity } from '../core/finding';
import type { LanguageId, RuleMeta } from '../core/rules';
import { getRule, ruleDocPath } from '../core/rules';

export interface FileResult {
  file: string;
  language: LanguageId;
  findings: Finding[];
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      const sev = f.severity ?? 'error';
      count[sev]++;
      const file = f.uri ? f.uri.replace(/^file:\/\//, '') : r.file;
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
      ...(f.uri ? { file: f.uri.replace(/^file:\/\//, '') } : {}),
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
            artifactLocation: { uri: f.uri ?? toArtifactUri(r.file) },
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
