// LSP wiring only: the connection, capabilities, document sync, settings and dispatch to
// the language modules and commands. Speaks IPC to the VS Code client and --stdio to any
// other editor (createConnection picks the transport from the command line).

import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import * as fs from 'node:fs';
import {
  type CancellationToken,
  CodeAction,
  CodeActionKind,
  type CodeLens,
  CompletionItem,
  CompletionItemKind,
  createConnection,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  InsertTextFormat,
  ProposedFeatures,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS } from './commandTable';
import type { CommandContext } from './core/command';
import type { Finding, Severity } from './core/finding';
import { VSCODE_LANGUAGE_IDS, detectLanguage } from './core/languageDetect';
import type { AnalysisContext, CompletionKind, LanguageService, OutlineSymbol, SymbolKind as OurSymbolKind } from './core/languageService';
import { FIX_ALL_KIND, fixAllAction, type PlannedAction, quickFixesFor } from './core/codeActions';
import { lintText } from './core/lint';
import { ruleDocPath } from './core/rules';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './core/settings';
import { LANGUAGES } from './languages';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** Where docs/rules lives: next to dist/ in the package, or the repo root in development. */
const packageRoot = path.resolve(__dirname, '..');

interface Analysis {
  version: number;
  service: LanguageService;
  parsed: unknown;
  findings: Finding[];
}

/** One parse per document version, shared by diagnostics, hover, completion, symbols. */
const analyses = new Map<string, Analysis>();
const pending = new Map<string, { version: number; promise: Promise<Analysis | undefined> }>();
const lintTimers = new Map<string, NodeJS.Timeout>();
const settingsCache = new Map<string, Promise<Settings>>();

let supportsConfiguration = false;
let trusted = true;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  const options = (params.initializationOptions ?? {}) as { trusted?: boolean };
  trusted = options.trusted !== false;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '.'], resolveProvider: false },
      documentSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      documentFormattingProvider: true,
      executeCommandProvider: { commands: Object.keys(COMMANDS) },
    },
    serverInfo: { name: 'infra-lens', version: readVersion() },
  };
});

connection.onInitialized(() => {
  connection.console.log(`Infra Lens server ${readVersion()} started (pid ${process.pid}, ${trusted ? 'trusted' : 'restricted'} workspace)`);
});

connection.onNotification('infraLens/workspaceTrusted', () => {
  trusted = true;
  relintAll();
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  relintAll();
});

function readVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version as string;
  } catch {
    return 'unknown';
  }
}

function languageOf(doc: TextDocument): LanguageService | undefined {
  const byId = VSCODE_LANGUAGE_IDS[doc.languageId];
  if (byId === 'k8s') {
    // Plain YAML is Red Hat's extension's business; only manifests are ours.
    return detectLanguage('x.yaml', doc.getText()) === 'k8s' ? LANGUAGES.k8s : undefined;
  }
  if (byId) return LANGUAGES[byId];
  // Editors other than VS Code may send their own language ids: fall back to the file name.
  const id = detectLanguage(uriPath(doc.uri), doc.getText());
  return id ? LANGUAGES[id] : undefined;
}

function uriPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : new URL(uri).pathname;
  } catch {
    return uri;
  }
}

/** Settings for a document (per-resource), or the window's when uri is undefined. */
function getSettings(uri: string | undefined): Promise<Settings> {
  if (!supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
  const key = uri ?? '';
  let s = settingsCache.get(key);
  if (!s) {
    s = connection.workspace
      .getConfiguration(uri ? { scopeUri: uri, section: 'infraLens' } : { section: 'infraLens' })
      .then(normalizeSettings, () => DEFAULT_SETTINGS);
    settingsCache.set(key, s);
  }
  return s;
}

function analysisContext(uri: string, settings: Settings, token?: CancellationToken): AnalysisContext {
  return {
    uri,
    settings,
    // Restricted mode and virtual file systems: never read other files from disk.
    readFile: trusted && uri.startsWith('file:') ? readFileIfPresent : undefined,
    // Cross-document rules (a StatefulSet's headless Service) see the other open documents.
    workspaceDocuments: () => documents.all().filter((d) => d.uri !== uri).map((d) => ({ uri: d.uri, text: d.getText() })),
    isCancelled: token ? () => token.isCancellationRequested : undefined,
  };
}

function readFileIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The analysis of the document's current version, computing it at most once. */
function analyze(doc: TextDocument): Promise<Analysis | undefined> {
  const cached = analyses.get(doc.uri);
  if (cached && cached.version === doc.version) return Promise.resolve(cached);
  const inFlight = pending.get(doc.uri);
  if (inFlight && inFlight.version === doc.version) return inFlight.promise;
  const service = languageOf(doc);
  if (!service) return Promise.resolve(undefined);
  const version = doc.version;
  const promise: Promise<Analysis | undefined> = (async () => {
    const settings = await getSettings(doc.uri);
    const text = doc.getText();
    try {
      const { parsed, findings } = await lintText(service, text, analysisContext(doc.uri, settings));
      const analysis: Analysis = { version, service, parsed, findings };
      if (documents.get(doc.uri)?.version === version) analyses.set(doc.uri, analysis);
      return analysis;
    } catch (e) {
      // A bug in a rule must not take the server down or hide the other findings.
      connection.console.error(`Linting ${doc.uri} failed: ${(e as Error).stack ?? e}`);
      return { version, service, parsed: undefined, findings: [] };
    } finally {
      // Runs after `pending` was set below: the async body first awaits the settings.
      if (pending.get(doc.uri)?.version === version) pending.delete(doc.uri);
    }
  })();
  pending.set(doc.uri, { version, promise });
  return promise;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(f: Finding, uri: string): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity ?? 'error'],
    code: f.ruleId,
    codeDescription: { href: pathToFileURL(path.join(packageRoot, ruleDocPath(f.ruleId))).toString() },
    source: 'infra-lens',
    message: f.message,
    tags: f.tags?.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary)),
    relatedInformation: f.related?.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message })),
  };
}

async function lintAndPublish(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const analysis = await analyze(doc);
  // A newer edit arrived while we worked: its own lint will publish.
  if (documents.get(uri)?.version !== doc.version) return;
  const findings = analysis?.findings ?? [];
  const own = findings.filter((f) => !f.uri || f.uri === uri);
  await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: own.map((f) => toDiagnostic(f, uri)) });
  // Findings in other files (a $INCLUDEd zone file) are published on those files.
  const byOther = new Map<string, Finding[]>();
  for (const f of findings) if (f.uri && f.uri !== uri) byOther.set(f.uri, [...(byOther.get(f.uri) ?? []), f]);
  for (const [other, list] of byOther) {
    if (!documents.get(other)) await connection.sendDiagnostics({ uri: other, diagnostics: list.map((f) => toDiagnostic(f, other)) });
  }
}

function scheduleLint(uri: string, delayMs: number): void {
  clearTimeout(lintTimers.get(uri));
  lintTimers.set(
    uri,
    setTimeout(() => {
      lintTimers.delete(uri);
      lintAndPublish(uri).catch((e) => connection.console.error(`Publishing diagnostics for ${uri} failed: ${e}`));
    }, delayMs),
  );
}

function relintAll(): void {
  analyses.clear();
  for (const doc of documents.all()) scheduleLint(doc.uri, 0);
}

/** Documents linted at least once: a freshly opened one is linted at once, edits debounced. */
const seen = new Set<string>();
/** An open, changed or closed manifest can change cross-document findings in the others. */
function relintOtherManifests(uri: string, delayMs: number): void {
  for (const other of documents.all()) {
    if (other.uri !== uri && languageOf(other) === LANGUAGES.k8s) {
      analyses.delete(other.uri);
      scheduleLint(other.uri, delayMs);
    }
  }
}

documents.onDidChangeContent(async (e) => {
  const uri = e.document.uri;
  const first = !seen.has(uri);
  seen.add(uri);
  const settings = await getSettings(uri);
  // A newly opened document is linted at once; edits wait for typing to pause.
  const delay = first ? 0 : settings.debounceMs;
  scheduleLint(uri, delay);
  if (languageOf(e.document) === LANGUAGES.k8s) relintOtherManifests(uri, delay);
});
documents.onDidClose((e) => {
  seen.delete(e.document.uri);
  clearTimeout(lintTimers.get(e.document.uri));
  lintTimers.delete(e.document.uri);
  analyses.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  // The closed document is gone from documents.all(): the others no longer see it.
  if (VSCODE_LANGUAGE_IDS[e.document.languageId] === 'k8s') relintOtherManifests(e.document.uri, 0);
});

/** Runs a feature on the current analysis; undefined when cancelled or not our document. */
async function withAnalysis<T>(uri: string, token: CancellationToken, fn: (a: Analysis, ctx: AnalysisContext) => T): Promise<T | undefined> {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const analysis = await analyze(doc);
  if (!analysis || token.isCancellationRequested || analysis.parsed === undefined) return undefined;
  const ctx = analysisContext(uri, await getSettings(uri), token);
  try {
    return fn(analysis, ctx);
  } catch (e) {
    connection.console.error(`Request on ${uri} failed: ${(e as Error).stack ?? e}`);
    return undefined;
  }
}

connection.onHover((params, token) =>
  withAnalysis(params.textDocument.uri, token, (a, ctx) => {
    const h = a.service.hover?.(a.parsed, params.position, ctx);
    return h ? { contents: { kind: 'markdown' as const, value: h.contents }, range: h.range } : null;
  }).then((r) => r ?? null),
);

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  function: CompletionItemKind.Function,
  module: CompletionItemKind.Module,
  snippet: CompletionItemKind.Snippet,
  enum: CompletionItemKind.EnumMember,
  constant: CompletionItemKind.Constant,
  text: CompletionItemKind.Text,
};

connection.onCompletion((params, token) =>
  withAnalysis(params.textDocument.uri, token, (a, ctx) =>
    (a.service.complete?.(a.parsed, params.position, ctx) ?? []).map((c): CompletionItem => ({
      label: c.label,
      kind: COMPLETION_KIND[c.kind],
      detail: c.detail,
      documentation: c.documentation ? { kind: 'markdown', value: c.documentation } : undefined,
      sortText: c.sortText,
      insertTextFormat: c.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      ...(c.range ? { textEdit: { range: c.range, newText: c.insertText ?? c.label } } : { insertText: c.insertText }),
    })),
  ).then((r) => r ?? []),
);

const SYMBOL_KIND: Record<OurSymbolKind, SymbolKind> = {
  namespace: SymbolKind.Namespace,
  module: SymbolKind.Module,
  function: SymbolKind.Function,
  property: SymbolKind.Property,
  field: SymbolKind.Field,
  key: SymbolKind.Key,
  object: SymbolKind.Object,
  string: SymbolKind.String,
  variable: SymbolKind.Variable,
  constant: SymbolKind.Constant,
  event: SymbolKind.Event,
};

function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return DocumentSymbol.create(s.name, s.detail, SYMBOL_KIND[s.kind], s.range, s.selectionRange, s.children?.map(toDocumentSymbol));
}

connection.onDocumentSymbol((params, token) =>
  withAnalysis(params.textDocument.uri, token, (a, ctx) => (a.service.symbols?.(a.parsed, ctx) ?? []).map(toDocumentSymbol)).then((r) => r ?? []),
);

connection.onCodeLens((params, token) =>
  withAnalysis(params.textDocument.uri, token, (a, ctx) =>
    (a.service.codeLenses?.(a.parsed, ctx) ?? []).map(
      (l): CodeLens => ({ range: l.range, command: { title: l.title, command: l.command ?? '', arguments: l.arguments } }),
    ),
  ).then((r) => r ?? []),
);

connection.languages.inlayHint.on((params, token) =>
  withAnalysis(params.textDocument.uri, token, (a, ctx) =>
    (a.service.inlayHints?.(a.parsed, params.range, ctx) ?? []).map((h) => ({ position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: true })),
  ).then((r) => r ?? []),
);

connection.onDocumentFormatting((params, token) =>
  withAnalysis(params.textDocument.uri, token, (a, ctx) => {
    const doc = documents.get(params.textDocument.uri);
    return doc && a.service.format ? a.service.format(doc.getText(), ctx) : [];
  }).then((r) => r ?? []),
);

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

// Code actions are planned in core/codeActions.ts; this only matches diagnostics and wraps.
connection.onCodeAction((params, token) =>
  withAnalysis(params.textDocument.uri, token, (a) => {
    const uri = params.textDocument.uri;
    const text = documents.get(uri)?.getText() ?? '';
    const wanted = (kind: string) => !params.context.only || params.context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const toAction = (p: PlannedAction, diagnostics: Diagnostic[]): CodeAction => ({
      title: p.title,
      kind: p.kind === 'quickfix' ? CodeActionKind.QuickFix : p.kind,
      diagnostics,
      isPreferred: p.preferred || undefined,
      edit: p.edits ? { changes: { [uri]: p.edits } } : undefined,
      command: p.command,
    });
    const actions: CodeAction[] = [];
    if (wanted(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'infra-lens') continue;
        const finding = a.findings.find((f) => f.ruleId === diagnostic.code && sameRange(f.range, diagnostic.range) && (!f.uri || f.uri === uri));
        if (finding) for (const p of quickFixesFor(finding, text, a.service.commentPrefixes[0])) actions.push(toAction(p, [diagnostic]));
      }
    }
    const fixAll = wanted(FIX_ALL_KIND) ? fixAllAction(a.findings.filter((f) => !f.uri || f.uri === uri)) : undefined;
    if (fixAll) actions.push(toAction(fixAll, []));
    return actions;
  }).then((r) => r ?? []),
);

connection.onExecuteCommand(async (params, token, workDone) => {
  const handler = COMMANDS[params.command];
  if (!handler) throw new Error(`Unknown command ${params.command}`);
  // Cancelling the request (the client's Cancel button) aborts the command's network work.
  const abort = new AbortController();
  token.onCancellationRequested(() => abort.abort());
  workDone.begin(params.command, undefined, undefined, true);
  const ctx: CommandContext = {
    settings: await getSettings(undefined),
    trusted,
    isCancelled: () => token.isCancellationRequested,
    signal: abort.signal,
    progress: (message) => workDone.report(message),
    documentText: (uri) => documents.get(uri)?.getText(),
    log: (m) => connection.console.log(m),
  };
  const started = Date.now();
  try {
    const report = await handler(params.arguments?.[0] ?? {}, ctx);
    connection.console.log(`${params.command} ${token.isCancellationRequested ? 'cancelled' : report.ok ? 'done' : 'failed'} after ${Date.now() - started} ms`);
    return report;
  } catch (e) {
    connection.console.error(`Command ${params.command} failed: ${(e as Error).stack ?? e}`);
    return { ok: false, title: params.command, text: `${params.command} failed: ${(e as Error).message}\n`, data: null, error: (e as Error).message };
  } finally {
    workDone.done();
  }
});

documents.listen(connection);
connection.listen();
