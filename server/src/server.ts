// LSP wiring only: the connection, capabilities, document sync, settings and dispatch to
// the language modules and commands. Speaks IPC to the VS Code client and --stdio to any
// other editor (createConnection picks the transport from the command line).

import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import * as fs from 'node:fs';
import {
  type CancellationToken,
  type Connection,
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
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS } from './commandTable';
import type { CommandContext } from './core/command';
import type { Finding, Position, Severity } from './core/finding';
import { VSCODE_LANGUAGE_IDS, detectLanguage } from './core/languageDetect';
import type { CompletionEntry, CompletionKind, HoverResult, InlayHintEntry, CodeLensEntry, LanguageService, OutlineSymbol, SymbolKind as OurSymbolKind, TextChange } from './core/languageService';
import type { TextEdit } from './core/finding';
import type { LanguageId } from './core/rules';
import { FIX_ALL_KIND, fixAllAction, type PlannedAction, quickFixesFor } from './core/codeActions';
import { allRules, ruleDocPath } from './core/rules';
import { normalizeSettings, restrictForUntrusted, type Settings } from './core/settings';
import { LANGUAGES } from './languages';
import { defaultsFromManifest, mergeRawSettings, PROJECT_CONFIG_FILE_NAMES, originForPath, type RawSettings, withoutDefaults } from './core/projectConfig';
import { loadProjectConfig } from './core/projectConfigFile';
import type { FeatureName } from './analysis/engine';
import { prefixFeatureAnswer, type PrefixFeature } from './analysis/prefixFeature';
import { LocalExecutor, WorkerExecutor } from './analysis/executor';
import { type Analysis, AnalysisScheduler, CROSS_DOCUMENT_DELAY_MS } from './analysis/scheduler';
import { FrameGuard } from './lspFraming';
import { nodeHoverForText, nodeLensesForText } from './nodeLens';

// Over stdio the byte stream is re-framed first, so a malformed header costs one message
// rather than every message after it. VS Code's IPC transport needs no framing.
const stdio = process.argv.includes('--stdio');
const connection: Connection = stdio ? createStdioConnection() : createConnection(ProposedFeatures.all);

function createStdioConnection(): Connection {
  const guard = new FrameGuard((m) => process.stderr.write(`infra-lens server: ${m}\n`));
  process.stdin.pipe(guard);
  const c = createConnection(ProposedFeatures.all, guard, process.stdout);
  // Like createConnection's own --stdio mode: stray console output must not corrupt stdout.
  console.log = (...a: unknown[]) => c.console.log(a.map(String).join(' '));
  console.info = (...a: unknown[]) => c.console.info(a.map(String).join(' '));
  console.warn = (...a: unknown[]) => c.console.warn(a.map(String).join(' '));
  console.error = (...a: unknown[]) => c.console.error(a.map(String).join(' '));
  return c;
}

/** The open documents, as synced (we apply the incremental changes ourselves, to keep them). */
const documents = new Map<string, TextDocument>();

/** Where docs/rules lives: next to dist/ in the package, or the repo root in development. */
const packageRoot = path.resolve(__dirname, '..');

const settingsCache = new Map<string, Promise<Settings>>();

let supportsConfiguration = false;
let supportsProgress = false;
let trusted = true;
/** Workspace folders: $INCLUDE / import read only below them (and infraLens.includePaths). */
let workspaceRoots: string[] = [];

const log = (m: string) => connection.console.error(m);
const workerExecutor = new WorkerExecutor(path.join(__dirname, 'analysisWorker.js'), log);
const scheduler = new AnalysisScheduler(
  {
    textOf: (uri) => documents.get(uri)?.getText(),
    versionOf: (uri) => documents.get(uri)?.version,
    languageOf: (uri) => {
      const doc = documents.get(uri);
      return doc ? languageIdOf(doc) : undefined;
    },
    settings: getSettings,
    jobExtras: (uri, language) => ({
      // Restricted mode and virtual file systems: never read other files from disk.
      mayReadFiles: trusted && uri.startsWith('file:'),
      // $INCLUDE / import stay below the workspace folders (plus infraLens.includePaths).
      includeRoots: workspaceRoots,
      // Cross-document rules (a StatefulSet's headless Service) see the other open manifests.
      workspaceDocuments: language === 'k8s' ? [...documents.values()].filter((d) => d.uri !== uri && languageIdOf(d) === 'k8s').map((d) => ({ uri: d.uri, text: d.getText() })) : undefined,
    }),
    publish,
    progress: showProgress,
    log,
    info: (m) => connection.console.log(m),
  },
  new LocalExecutor(log),
  workerExecutor,
);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  supportsProgress = params.capabilities.window?.workDoneProgress === true;
  const options = (params.initializationOptions ?? {}) as { trusted?: boolean };
  trusted = options.trusted !== false;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceRoots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
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
  settingsCache.clear();
  scheduler.relintAll();
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  scheduler.relintAll();
});

/** What the engine did, for tests and `Show Report`: memory, analyses, restarts. */
connection.onRequest('infraLens/serverStats', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    heapUsedMb: m.heapUsed / 2 ** 20,
    rssMb: m.rss / 2 ** 20,
    documents: documents.size,
    ...scheduler.stats,
    prefixAnswers,
    workerRestarts: workerExecutor.restarts,
  };
});

function readVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version as string;
  } catch {
    return 'unknown';
  }
}

/** Language per document version: detection reads the text, so it is done once a version. */
const languageCache = new Map<string, { version: number; id: LanguageId | undefined }>();

function languageIdOf(doc: TextDocument): LanguageId | undefined {
  const cached = languageCache.get(doc.uri);
  if (cached && cached.version === doc.version) return cached.id;
  const id = detectDocumentLanguage(doc);
  languageCache.set(doc.uri, { version: doc.version, id });
  return id;
}

function detectDocumentLanguage(doc: TextDocument): LanguageId | undefined {
  const byId = VSCODE_LANGUAGE_IDS[doc.languageId];
  if (byId === 'k8s') {
    // Plain YAML is Red Hat's extension's business; only manifests are ours.
    return detectLanguage('x.yaml', doc.getText()) === 'k8s' ? 'k8s' : undefined;
  }
  if (byId) return byId;
  // Editors other than VS Code may send their own language ids: fall back to the file name.
  return detectLanguage(uriPath(doc.uri), doc.getText()) ?? undefined;
}

function uriPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : new URL(uri).pathname;
  } catch {
    return uri;
  }
}

/** package.json's setting defaults, to tell values the user set from defaults VS Code fills in. */
let manifestDefaults: RawSettings | undefined;
function settingDefaults(): RawSettings {
  try {
    manifestDefaults ??= defaultsFromManifest(JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).contributes.configuration.properties);
  } catch {
    manifestDefaults = {};
  }
  return manifestDefaults;
}

/**
 * The project config file (.infra-lens.json) for a document: found from the document's folder
 * up to its workspace folder, as the CLI finds it; its zone.origins applied to the document's
 * path. Read again whenever settings are (the cache is dropped on configuration changes and
 * when the file itself is saved).
 */
function projectSettings(uri: string | undefined): RawSettings {
  if (!uri?.startsWith('file:')) return {};
  const file = uriPath(uri);
  const root = workspaceRoots.find((r) => file.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  const config = loadProjectConfig(undefined, path.dirname(file), allRules().map((r) => r.id), root);
  if (config.errors.length) connection.console.error(`Infra Lens: ${config.errors.join('; ')}`);
  const origins = (config.settings.zone as RawSettings | undefined)?.origins as Record<string, string> | undefined;
  const origin = config.file ? originForPath(origins, path.relative(config.dir, file).split(path.sep).join('/')) : undefined;
  return origin === undefined ? config.settings : mergeRawSettings(config.settings, { zone: { origin } });
}

/** Settings for a document (per-resource), or the window's when uri is undefined: the project file, the user's settings on top. */
function getSettings(uri: string | undefined): Promise<Settings> {
  if (!supportsConfiguration) return Promise.resolve(normalizeSettings(projectSettings(uri)));
  const key = uri ?? '';
  let s = settingsCache.get(key);
  if (!s) {
    s = connection.workspace
      .getConfiguration(uri ? { scopeUri: uri, section: 'infraLens' } : { section: 'infraLens' })
      .then(
        (user: unknown) => normalizeSettings(mergeRawSettings(projectSettings(uri), withoutDefaults((user ?? {}) as RawSettings, settingDefaults()))),
        () => normalizeSettings(projectSettings(uri)),
      )
      // In an untrusted workspace, values that point at paths or servers are not taken.
      .then((settings) => (trusted ? settings : restrictForUntrusted(settings)));
    settingsCache.set(key, s);
  }
  return s;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const docLinks = new Map<string, string>();
function ruleDocLink(ruleId: string): string {
  let link = docLinks.get(ruleId);
  if (!link) docLinks.set(ruleId, (link = pathToFileURL(path.join(packageRoot, ruleDocPath(ruleId))).toString()));
  return link;
}

function toDiagnostic(f: Finding, uri: string): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity ?? 'error'],
    code: f.ruleId,
    codeDescription: { href: ruleDocLink(f.ruleId) },
    source: 'infra-lens',
    message: f.message,
    tags: f.tags?.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary)),
    relatedInformation: f.related?.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message })),
  };
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A note at the top of the document from the engine itself (not a rule's finding). */
function engineNote(message: string, severity: DiagnosticSeverity, code: string): Diagnostic {
  return { range: START, severity, code, source: 'infra-lens', message };
}

/** Diagnostics of one finished analysis; the scheduler calls this only for the current version. */
function publish(a: Analysis): void {
  const uri = a.uri;
  const diagnostics: Diagnostic[] = [];
  if (a.tooLarge) {
    const mb = (a.tooLarge.bytes / 1e6).toFixed(1);
    diagnostics.push(engineNote(`Not linted in the editor: this document (${mb} MB) is larger than infraLens.lint.maxFileSizeMb (${a.tooLarge.limitMb} MB). Run \`infra-lens lint\` on it.`, DiagnosticSeverity.Information, 'infra-lens/too-large'));
  }
  if (a.error) diagnostics.push(engineNote(`Infra Lens could not finish analyzing this document: ${a.error}`, DiagnosticSeverity.Warning, 'infra-lens/analysis-failed'));
  const own = a.findings.filter((f) => !f.uri || f.uri === uri);
  for (const f of own) diagnostics.push(toDiagnostic(f, uri));
  if (a.omitted > 0) {
    diagnostics.push(engineNote(`${a.omitted.toLocaleString('en-US')} more findings are not shown (infraLens.lint.maxDiagnostics is ${own.length.toLocaleString('en-US')}); \`infra-lens lint\` lists them all.`, DiagnosticSeverity.Information, 'infra-lens/diagnostics-capped'));
  }
  void connection.sendDiagnostics({ uri, version: a.version, diagnostics });
  // Findings in other files (a $INCLUDEd zone file) are published on those files.
  const byOther = new Map<string, Finding[]>();
  for (const f of a.findings) if (f.uri && f.uri !== uri) byOther.set(f.uri, [...(byOther.get(f.uri) ?? []), f]);
  for (const [other, list] of byOther) {
    if (!documents.has(other)) void connection.sendDiagnostics({ uri: other, diagnostics: list.map((f) => toDiagnostic(f, other)) });
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** "Infra Lens: checking bench.zone (100,009 lines)…" while a long analysis runs. */
function showProgress(uri: string, text: string): () => void {
  if (!supportsProgress) return () => {};
  let ended = false;
  let reporter: { done(): void } | undefined;
  const name = path.posix.basename(uriPath(uri));
  connection.window.createWorkDoneProgress().then(
    (r) => {
      if (ended) return r.done();
      reporter = r;
      r.begin(`Infra Lens: checking ${name}`, undefined, `${countLines(text).toLocaleString('en-US')} lines…`, false);
    },
    () => {},
  );
  return () => {
    ended = true;
    reporter?.done();
  };
}

/** An open, changed or closed manifest can change cross-document findings in the others. */
function relintOtherManifests(uri: string): void {
  for (const other of documents.values()) {
    if (other.uri !== uri && languageIdOf(other) === 'k8s') scheduler.relint(other.uri, CROSS_DOCUMENT_DELAY_MS);
  }
}

function isPosition(p: unknown): p is { line: number; character: number } {
  const q = p as { line?: unknown; character?: unknown };
  return typeof p === 'object' && p !== null && Number.isInteger(q.line) && Number.isInteger(q.character);
}

/** True when `change` lies inside `doc` with start <= end (LSP clients can send anything). */
function changeInside(doc: TextDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  if (!isPosition(range.start) || !isPosition(range.end)) return false;
  const inside = (p: { line: number; character: number }) =>
    p.line >= 0 && p.character >= 0 && p.line < doc.lineCount && doc.offsetAt(p) === doc.offsetAt({ line: p.line, character: 0 }) + p.character;
  return inside(range.start) && inside(range.end) && doc.offsetAt(range.start) <= doc.offsetAt(range.end);
}

connection.onDidOpenTextDocument((params) => {
  const td = params?.textDocument;
  if (!td || typeof td.uri !== 'string' || typeof td.text !== 'string') return;
  const doc = TextDocument.create(td.uri, String(td.languageId ?? ''), Number.isInteger(td.version) ? td.version : 0, td.text);
  documents.set(td.uri, doc);
  languageCache.delete(td.uri);
  // A newly opened document is linted at once.
  scheduler.open(td.uri);
  // The first edit needs the text's line table (to check and apply the change); for a
  // 100,000-line file it takes ~100-170 ms to build, cold. Built now, while the worker
  // parses, it is not paid by the first keystroke (its hover and completion waited for it).
  setImmediate(() => {
    if (documents.get(td.uri) === doc) void doc.lineCount;
  });
  if (languageIdOf(doc) === 'k8s') relintOtherManifests(td.uri);
});

connection.onDidChangeTextDocument((params) => {
  const uri = params?.textDocument?.uri;
  let doc = uri === undefined ? undefined : documents.get(uri);
  if (!doc || !Array.isArray(params.contentChanges)) return;
  const version = Number.isInteger(params.textDocument.version) ? params.textDocument.version : doc.version + 1;
  const wasManifest = languageIdOf(doc) === 'k8s';
  // Applied one by one, so each range is checked against the text it was meant for. A
  // change outside the text is clamped (as the editor would) and the next analysis parses
  // from scratch rather than trusting an incremental re-parse with a bogus range.
  let changes: TextChange[] | undefined = [];
  for (const c of params.contentChanges as Array<{ range?: TextChange['range']; text?: unknown }>) {
    if (typeof c?.text !== 'string') continue;
    if (c.range && changes && changeInside(doc, c.range)) changes.push({ range: c.range, text: c.text });
    else changes = undefined;
    doc = TextDocument.update(doc, [c.range && isPosition(c.range.start) && isPosition(c.range.end) ? { range: c.range, text: c.text } : { text: c.text }], version);
  }
  documents.set(uri, TextDocument.update(doc, [], version));
  const updatedChanges = changes;
  void getSettings(uri).then((settings) => {
    if (!documents.has(uri)) return;
    scheduler.change(uri, version, updatedChanges, settings.debounceMs);
    if (wasManifest || languageIdOf(documents.get(uri)!) === 'k8s') relintOtherManifests(uri);
  });
});

// A saved project config file (.infra-lens.json) changes every document's settings.
connection.onDidSaveTextDocument((params) => {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string' || !PROJECT_CONFIG_FILE_NAMES.includes(path.basename(uriPath(uri)))) return;
  settingsCache.clear();
  scheduler.relintAll();
});

connection.onDidCloseTextDocument((params) => {
  const uri = params?.textDocument?.uri;
  const doc = uri === undefined ? undefined : documents.get(uri);
  if (!doc) return;
  const wasManifest = languageIdOf(doc) === 'k8s';
  scheduler.close(uri);
  documents.delete(uri);
  languageCache.delete(uri);
  settingsCache.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
  // The closed document is gone: the other manifests no longer see it.
  if (wasManifest) relintOtherManifests(uri);
});

/** Resolves undefined as soon as the request is cancelled ($/cancelRequest). */
function untilCancelled<T>(token: CancellationToken, work: Promise<T>): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const sub = token.onCancellationRequested(() => (sub.dispose(), resolve(undefined)));
    work.then(
      (v) => (sub.dispose(), resolve(token.isCancellationRequested ? undefined : v)),
      () => (sub.dispose(), resolve(undefined)),
    );
  });
}

/**
 * A feature's answer from the analysis of the document's current version (after its
 * diagnostics were published). `flush`: the user waits for this one (formatting), so a
 * pending debounced analysis starts now; outline, lenses and hints wait for the debounce.
 * 'parse' (hover, completion): the user waits and needs no findings, so the answer comes
 * from the version's parse as soon as it is held, before its lint.
 */
async function feature<T>(uri: string, token: CancellationToken, flush: boolean | 'parse', name: FeatureName, params?: unknown): Promise<T | undefined> {
  try {
    if ((name === 'hover' || name === 'complete') && isPosition(params) && scheduler.parseWouldWait(uri)) {
      const quick = await answerFromPrefix(uri, name, params);
      if (quick) {
        prefixAnswers++;
        return quick.value as T | undefined;
      }
    }
    const analysis = await untilCancelled(token, flush === 'parse' ? scheduler.parsedOf(uri) : scheduler.analysisOf(uri, flush));
    if (!analysis || !analysis.language) return undefined;
    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    try {
      return (await untilCancelled(token, scheduler.feature(analysis, { feature: name, params }, abort.signal))) as T | undefined;
    } finally {
      cancelled.dispose();
    }
  } catch (e) {
    connection.console.error(`${name} on ${uri} failed: ${(e as Error).stack ?? e}`);
    return undefined;
  }
}

/** Hovers and completions answered by answerFromPrefix (infraLens/serverStats). */
let prefixAnswers = 0;

/** Hover or completion from the text up to the cursor's entry, while the version's own parse waits (analysis/prefixFeature.ts). */
async function answerFromPrefix(uri: string, name: PrefixFeature, position: Position): Promise<{ value: unknown } | undefined> {
  const doc = documents.get(uri);
  const language = doc && languageIdOf(doc);
  if (!doc || !language || !LANGUAGES[language].prefixThrough) return undefined;
  const settings = await getSettings(uri);
  const now = documents.get(uri);
  if (!now || !scheduler.parseWouldWait(uri)) return undefined;
  return prefixFeatureAnswer(LANGUAGES[language] as LanguageService, name, now.getText(), position, { uri, settings });
}

connection.onHover(async (params, token) => {
  const uri = params.textDocument.uri;
  const h = await feature<HoverResult>(uri, token, 'parse', 'hover', params.position);
  // The live node's view of the container under the cursor (k8s manifests, trusted only).
  const live = await liveNode(uri, (language, text, settings) => nodeHoverForText(language, text, uri, params.position, settings));
  const value = [h?.contents, live].filter(Boolean).join('\n\n---\n\n');
  return value ? { contents: { kind: 'markdown' as const, value }, range: h?.range } : null;
});

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

connection.onCompletion(async (params, token) =>
  ((await feature<CompletionEntry[]>(params.textDocument.uri, token, 'parse', 'complete', params.position)) ?? []).map((c): CompletionItem => ({
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: 'markdown', value: c.documentation } : undefined,
    sortText: c.sortText,
    insertTextFormat: c.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    ...(c.range ? { textEdit: { range: c.range, newText: c.insertText ?? c.label } } : { insertText: c.insertText }),
  })),
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

// The outline never forces an analysis ahead of the debounce (flush = false).
connection.onDocumentSymbol(async (params, token) => ((await feature<OutlineSymbol[]>(params.textDocument.uri, token, false, 'symbols')) ?? []).map(toDocumentSymbol));

/** A live-node feature of a k8s document (node lens, node hover); undefined off a node or untrusted. */
async function liveNode<T>(uri: string, run: (language: LanguageId, text: string, settings: Settings) => Promise<T>): Promise<T | undefined> {
  const doc = documents.get(uri);
  const language = doc && languageIdOf(doc);
  if (!trusted || !doc || language !== 'k8s') return undefined;
  try {
    return await run(language, doc.getText(), await getSettings(uri));
  } catch (e) {
    connection.console.error(`node view of ${uri} failed: ${(e as Error).stack ?? e}`);
    return undefined;
  }
}

connection.onCodeLens(async (params, token) => {
  const uri = params.textDocument.uri;
  const lenses = (await feature<CodeLensEntry[]>(uri, token, false, 'codeLenses')) ?? [];
  const live = (await liveNode(uri, (language, text, settings) => nodeLensesForText(language, text, uri, settings))) ?? [];
  return [...lenses, ...live].map((l): CodeLens => ({ range: l.range, command: { title: l.title, command: l.command ?? '', arguments: l.arguments } }));
});

connection.languages.inlayHint.on(async (params, token) =>
  ((await feature<InlayHintEntry[]>(params.textDocument.uri, token, false, 'inlayHints', params.range)) ?? []).map((h) => ({ position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: true })),
);

connection.onDocumentFormatting(async (params, token) => (await feature<TextEdit[]>(params.textDocument.uri, token, true, 'format')) ?? []);

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

// Code actions are planned in core/codeActions.ts; this only matches diagnostics and wraps.
connection.onCodeAction(async (params, token) => {
  const uri = params.textDocument.uri;
  const a = await untilCancelled(token, scheduler.analysisOf(uri, true));
  if (!a?.language) return [];
  const service: LanguageService = LANGUAGES[a.language];
  const text = documents.get(uri)?.getText() ?? '';
  const wanted = (kind: string) => !params.context?.only || params.context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
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
    for (const diagnostic of params.context?.diagnostics ?? []) {
      if (diagnostic.source !== 'infra-lens') continue;
      const finding = a.findings.find((f) => f.ruleId === diagnostic.code && sameRange(f.range, diagnostic.range) && (!f.uri || f.uri === uri));
      if (finding) for (const p of quickFixesFor(finding, text, service.commentPrefixes[0])) actions.push(toAction(p, [diagnostic]));
    }
  }
  const fixAll = wanted(FIX_ALL_KIND) ? fixAllAction(a.findings.filter((f) => !f.uri || f.uri === uri)) : undefined;
  if (fixAll) actions.push(toAction(fixAll, []));
  return actions;
});

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
    documentText: (uri) => (typeof uri === 'string' ? documents.get(uri)?.getText() : undefined),
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

connection.listen();
