// `npm run fuzz`: 100,000 generated documents per language (the property tests in npm test
// run 1,000). Each language runs in a worker thread that a watchdog ends when one document
// takes longer than HANG_MS (the hang is counted and the run goes on after it), so an
// infinite loop is reported rather than freezing the fuzzer. Prints, per language: cases,
// exceptions, hangs, out-of-range findings, nondeterministic results, the slowest case per KB.
//   node out/fuzz/run.js [--cases N] [--language L] [--seed S] [--shards N (workers per language; default: one per core, up to 4)]
//   node out/fuzz/run.js --language L --dump INDEX   prints case INDEX's document as JSON

import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import type { LanguageId } from '../../server/src/core/rules';
import { documentArbitrary, FUZZ_LANGUAGES } from './arbitraries';
import { checkCase } from './check';

const CHUNK = 500;
const HANG_MS = 20_000;
/** Determinism costs a second run: checked on every DETERMINISM_EVERY-th case here (on all in npm test). */
const DETERMINISM_EVERY = 10;

interface Job {
  language: LanguageId;
  /** One past the last case index this worker runs. */
  cases: number;
  seed: number;
  from: number;
}

type Message =
  | { type: 'start'; index: number; size: number; text?: string }
  | { type: 'result'; index: number; size: number; ms: number; failure?: string; kind?: 'exception' | 'range' | 'nondeterministic'; text?: string }
  | { type: 'done' };

/** Case `index` of a run is the same document every time: chunk seeds derive from the run seed. */
function* documents(job: Job): Generator<{ index: number; text: string }> {
  for (let chunk = Math.floor(job.from / CHUNK); chunk * CHUNK < job.cases; chunk++) {
    const values = fc.sample(documentArbitrary(job.language), { numRuns: CHUNK, seed: job.seed + chunk });
    for (let k = 0; k < CHUNK; k++) {
      const index = chunk * CHUNK + k;
      if (index >= job.from && index < job.cases) yield { index, text: values[k] };
    }
  }
}

async function workerMain(job: Job): Promise<void> {
  const post = (m: Message) => parentPort!.postMessage(m);
  for (const { index, text } of documents(job)) {
    post({ type: 'start', index, size: text.length, text: text.length <= 4096 ? text : undefined });
    const r = await checkCase(job.language, text, index % DETERMINISM_EVERY === 0);
    const kind = r.exception ? 'exception' : r.outOfRange.length ? 'range' : r.nondeterministic ? 'nondeterministic' : undefined;
    const failure = r.exception ?? r.outOfRange[0] ?? (r.nondeterministic ? 'two runs gave different findings' : undefined);
    post({ type: 'result', index, size: text.length, ms: r.ms, kind, failure, text: kind ? text : undefined });
  }
  post({ type: 'done' });
}

interface Summary {
  language: LanguageId;
  cases: number;
  exceptions: number;
  hangs: number;
  outOfRange: number;
  nondeterministic: number;
  slowestMsPerKb: number;
  slowestSize: number;
  /** The case index of the slowest case per KB (re-create it with --dump). */
  slowestIndex: number;
  seconds: number;
  examples: Map<string, string>;
}

/** Cases [from, to) of one language in one worker (restarted after a hang). */
function runLanguage(language: LanguageId, cases: number, seed: number, first = 0): Promise<Summary> {
  const started = Date.now();
  const s: Summary = { language, cases: 0, exceptions: 0, hangs: 0, outOfRange: 0, nondeterministic: 0, slowestMsPerKb: 0, slowestSize: 0, slowestIndex: -1, seconds: 0, examples: new Map() };
  const remember = (what: string, text: string | undefined) => {
    const previous = s.examples.get(what);
    if (text !== undefined && (previous === undefined || text.length < previous.length)) s.examples.set(what, text);
  };
  return new Promise((resolve) => {
    const launch = (from: number) => {
      const worker = new Worker(__filename, { workerData: { language, cases, seed, from } satisfies Job });
      let current: Extract<Message, { type: 'start' }> | undefined;
      let watchdog: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          s.hangs++;
          s.cases++;
          const at = current?.index ?? from;
          remember(`hang (> ${HANG_MS / 1000} s)`, current?.text ?? `<${current?.size} characters, case ${at}>`);
          void worker.terminate();
          if (at + 1 < cases) launch(at + 1);
          else finish();
        }, HANG_MS);
      };
      const finish = () => {
        clearTimeout(watchdog);
        s.seconds = (Date.now() - started) / 1000;
        resolve(s);
      };
      arm();
      worker.on('message', (m: Message) => {
        if (m.type === 'start') {
          current = m;
          arm();
        } else if (m.type === 'result') {
          s.cases++;
          const perKb = m.ms / Math.max(1, m.size / 1024);
          if (perKb > s.slowestMsPerKb) {
            s.slowestMsPerKb = perKb;
            s.slowestSize = m.size;
            s.slowestIndex = m.index;
          }
          if (m.kind === 'exception') s.exceptions++;
          if (m.kind === 'range') s.outOfRange++;
          if (m.kind === 'nondeterministic') s.nondeterministic++;
          // One example per kind of failure: the same rule and complaint at other positions is the same bug.
          if (m.kind) remember(`${m.kind}: ${m.failure?.replace(/\d+:\d+/g, 'L:C')}`, m.text);
          if (s.cases % 10_000 === 0) process.stderr.write(`${language}: ${s.cases} cases…\n`);
        } else {
          worker.removeAllListeners();
          void worker.terminate();
          finish();
        }
      });
      worker.on('error', (e) => {
        s.exceptions++;
        s.cases++;
        remember(`worker crashed: ${e.message}`, current?.text);
        const at = current?.index ?? from;
        if (at + 1 < cases) launch(at + 1);
        else finish();
      });
    };
    launch(first);
  });
}

/** The same cases as one worker, split over `shards` workers (more cores, same documents). */
async function runSharded(language: LanguageId, cases: number, seed: number, shards: number): Promise<Summary> {
  const started = Date.now();
  const size = Math.ceil(cases / shards / CHUNK) * CHUNK;
  const parts = await Promise.all(Array.from({ length: shards }, (_, k) => runLanguage(language, Math.min(cases, (k + 1) * size), seed, k * size)).filter((_, k) => k * size < cases));
  const s = parts[0];
  for (const p of parts.slice(1)) {
    s.cases += p.cases;
    s.exceptions += p.exceptions;
    s.hangs += p.hangs;
    s.outOfRange += p.outOfRange;
    s.nondeterministic += p.nondeterministic;
    if (p.slowestMsPerKb > s.slowestMsPerKb) [s.slowestMsPerKb, s.slowestSize, s.slowestIndex] = [p.slowestMsPerKb, p.slowestSize, p.slowestIndex];
    for (const [what, text] of p.examples) if (!s.examples.has(what) || text.length < s.examples.get(what)!.length) s.examples.set(what, text);
  }
  s.seconds = (Date.now() - started) / 1000;
  return s;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const cases = Number(opt('--cases') ?? 100_000);
  const seed = Number(opt('--seed') ?? 18);
  const languages = opt('--language') ? [opt('--language') as LanguageId] : FUZZ_LANGUAGES;
  const summaries: Summary[] = [];
  // One worker per core by default: the 100,000-case default took ~14 min for the four languages
  // with 2 shards on a shared 2-core machine (k8s ~8 min of it), so it stays the default.
  const shards = Math.max(1, Number(opt('--shards') ?? Math.min(4, availableParallelism())));
  const dump = opt('--dump');
  if (dump !== undefined) {
    // The document of one case (e.g. the slowest), as JSON: feed it to out/fuzz/debug.js.
    const index = Number(dump);
    for (const d of documents({ language: languages[0], cases: index + 1, seed, from: index })) console.log(JSON.stringify(d.text));
    return;
  }
  for (const language of languages) summaries.push(await runSharded(language, cases, seed, shards));
  console.log(`## Fuzz: ${cases} generated documents per language (seed ${seed})\n`);
  console.log('| language | cases | exceptions | hangs | out-of-range findings | nondeterministic | slowest case per KB (case) | time |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of summaries) console.log(`| ${s.language} | ${s.cases} | ${s.exceptions} | ${s.hangs} | ${s.outOfRange} | ${s.nondeterministic} | ${s.slowestMsPerKb.toFixed(1)} ms/KB (${(s.slowestSize / 1024).toFixed(1)} KB, #${s.slowestIndex}) | ${s.seconds.toFixed(0)} s |`);
  let failed = false;
  for (const s of summaries) {
    let shown = 0;
    for (const [what, text] of s.examples) {
      failed = true;
      if (++shown > 12) {
        console.log(`\n${s.language}: ${s.examples.size - 12} more kinds of failure`);
        break;
      }
      console.log(`\n${s.language}: ${what}\n  smallest case: ${JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…` : text)}`);
    }
  }
  if (failed) console.log('\nShrink a case with the property test: node --test out/test/unit/fuzz/ (fast-check prints the minimal counterexample).');
  process.exitCode = failed ? 1 : 0;
}

if (isMainThread) void main();
else void workerMain(workerData as Job);
