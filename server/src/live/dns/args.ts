// dig's command line: `[@server] [-p port] [-t type] [-c class] [-x addr] name [type]
// [class] [+[no]option...]`, parsed the way dig 9.18 does (a word that is a type or class
// mnemonic is taken as one; +options may be abbreviated to any unique prefix).
// Our own extra modes: +compare (ask every resolver, side by side) and +search (the
// node's search-list expansion, each query sent and shown).

import { reverseName } from './reverse';
import { classCode, typeCode } from './types';

export interface DigRequest {
  servers: string[];
  port?: number;
  name?: string;
  type?: string;
  klass?: string;
  reverse?: string;
  family?: 4 | 6;
  tcp: boolean;
  short: boolean;
  trace: boolean;
  compare: boolean;
  search: boolean;
  ndots?: number;
  domain?: string;
  tries?: number;
  timeoutSec?: number;
  recurse: boolean;
  dnssec: boolean;
  /** +dnssec or +nodnssec was given (+trace turns DO on unless told otherwise, as dig does). */
  dnssecGiven: boolean;
  edns: boolean;
  bufsize: number;
  ignore: boolean;
  adflag: boolean;
  cdflag: boolean;
  cookie: boolean;
  nsid: boolean;
  fail: boolean;
  identify: boolean;
  show: { cmd: boolean; comments: boolean; question: boolean; answer: boolean; authority: boolean; additional: boolean; stats: boolean };
  help?: boolean;
  /** The argv as given, for the `; <<>> ... <<>>` line. */
  argv: string[];
}

export type ParsedArgs = { ok: true; request: DigRequest } | { ok: false; error: string };

function defaults(argv: string[]): DigRequest {
  return {
    servers: [], tcp: false, short: false, trace: false, compare: false, search: false, recurse: true, dnssec: false, dnssecGiven: false,
    edns: true, bufsize: 1232, ignore: false, adflag: true, cdflag: false, cookie: false, nsid: false, fail: true,
    identify: false,
    show: { cmd: true, comments: true, question: true, answer: true, authority: true, additional: true, stats: true },
    argv,
  };
}

type OptionSpec = { name: string; value?: 'number' | 'text' | 'optional-number'; apply: (r: DigRequest, on: boolean, value?: string) => string | undefined };

const flag = (name: string, set: (r: DigRequest, on: boolean) => void): OptionSpec => ({ name, apply: (r, on) => (set(r, on), undefined) });

function numberIn(value: string | undefined, min: number, max: number, what: string): number | string {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isInteger(n) || n < min || n > max) return `${what} must be a number from ${min} to ${max}`;
  return n;
}

const OPTIONS: OptionSpec[] = [
  flag('tcp', (r, on) => (r.tcp = on)),
  flag('vc', (r, on) => (r.tcp = on)),
  flag('short', (r, on) => {
    r.short = on;
    if (on) r.show = { cmd: false, comments: false, question: false, answer: true, authority: false, additional: false, stats: false };
  }),
  flag('trace', (r, on) => (r.trace = on)),
  flag('compare', (r, on) => (r.compare = on)),
  flag('search', (r, on) => (r.search = on)),
  flag('showsearch', (r, on) => (r.search = on)),
  flag('recurse', (r, on) => (r.recurse = on)),
  flag('dnssec', (r, on) => ((r.dnssec = on), (r.dnssecGiven = true))),
  flag('do', (r, on) => ((r.dnssec = on), (r.dnssecGiven = true))),
  flag('ignore', (r, on) => (r.ignore = on)),
  flag('adflag', (r, on) => (r.adflag = on)),
  flag('cdflag', (r, on) => (r.cdflag = on)),
  flag('cookie', (r, on) => (r.cookie = on)),
  flag('nsid', (r, on) => (r.nsid = on)),
  flag('fail', (r, on) => (r.fail = on)),
  flag('identify', (r, on) => (r.identify = on)),
  flag('cmd', (r, on) => (r.show.cmd = on)),
  flag('comments', (r, on) => (r.show.comments = on)),
  flag('question', (r, on) => (r.show.question = on)),
  flag('answer', (r, on) => (r.show.answer = on)),
  flag('authority', (r, on) => (r.show.authority = on)),
  flag('additional', (r, on) => (r.show.additional = on)),
  flag('stats', (r, on) => (r.show.stats = on)),
  flag('all', (r, on) => {
    for (const k of Object.keys(r.show) as Array<keyof DigRequest['show']>) r.show[k] = on;
  }),
  // Accepted for compatibility; they change nothing in our output.
  flag('multiline', () => undefined),
  flag('ttlid', () => undefined),
  flag('idnin', () => undefined),
  flag('idnout', () => undefined),
  flag('besteffort', () => undefined),
  {
    name: 'edns', value: 'optional-number', apply: (r, on, v) => {
      r.edns = on;
      if (on && v !== undefined && v !== '0') return 'only EDNS version 0 is supported';
      return undefined;
    },
  },
  {
    name: 'bufsize', value: 'number', apply: (r, on, v) => {
      if (!on) { r.bufsize = 1232; return undefined; }
      const n = numberIn(v, 0, 65535, '+bufsize');
      if (typeof n === 'string') return n;
      r.bufsize = n;
      return undefined;
    },
  },
  {
    name: 'tries', value: 'number', apply: (r, _on, v) => {
      const n = numberIn(v, 1, 100, '+tries');
      if (typeof n === 'string') return n;
      r.tries = n;
      return undefined;
    },
  },
  {
    name: 'retry', value: 'number', apply: (r, _on, v) => {
      const n = numberIn(v, 0, 99, '+retry');
      if (typeof n === 'string') return n;
      r.tries = n + 1;
      return undefined;
    },
  },
  {
    name: 'timeout', value: 'number', apply: (r, _on, v) => {
      const n = numberIn(v, 0, 3600, '+timeout');
      if (typeof n === 'string') return n;
      r.timeoutSec = Math.max(1, n); // dig's minimum is one second
      return undefined;
    },
  },
  {
    name: 'ndots', value: 'number', apply: (r, _on, v) => {
      const n = numberIn(v, 0, 15, '+ndots');
      if (typeof n === 'string') return n;
      r.ndots = n;
      return undefined;
    },
  },
  {
    name: 'domain', value: 'text', apply: (r, _on, v) => {
      if (!v) return '+domain needs a domain';
      r.domain = v;
      return undefined;
    },
  },
];

/** Every +option name, with whether it takes a value (for an editor's completions). */
export const DIG_OPTIONS: ReadonlyArray<{ name: string; value?: 'number' | 'text' | 'optional-number' }> = OPTIONS.map((o) => ({ name: o.name, value: o.value }));

// dig's historical abbreviations that are not plain prefixes.
const ALIASES: Record<string, string> = { time: 'timeout', rec: 'recurse', norec: 'norecurse' };

function findOption(word: string): OptionSpec | string {
  const name = ALIASES[word] ?? word;
  const exact = OPTIONS.find((o) => o.name === name);
  if (exact) return exact;
  const matches = OPTIONS.filter((o) => o.name.startsWith(name));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) return `ambiguous option +${word} (${matches.map((m) => '+' + m.name).join(', ')})`;
  return `invalid option: +${word}`;
}

function plusOption(r: DigRequest, arg: string): string | undefined {
  const body = arg.slice(1);
  const eq = body.indexOf('=');
  let word = (eq >= 0 ? body.slice(0, eq) : body).toLowerCase();
  const value = eq >= 0 ? body.slice(eq + 1) : undefined;
  let on = true;
  if (word.startsWith('no') && !OPTIONS.some((o) => o.name === word)) {
    on = false;
    word = word.slice(2);
  }
  const spec = findOption(word);
  if (typeof spec === 'string') return spec;
  if (spec.value === 'number' || spec.value === 'text') {
    if (on && value === undefined) return `+${spec.name} needs a value (+${spec.name}=N)`;
  } else if (spec.value === undefined && value !== undefined) return `+${spec.name} takes no value`;
  return spec.apply(r, on, value);
}

/** Parses dig's argv; the first word error stops parsing, as dig does (exit status 1). */
export function parseDigArgs(input: string[]): ParsedArgs {
  // A command line pasted from a terminal may start with `dig` itself.
  const argv = input[0] === 'dig' && input.length > 1 ? input.slice(1) : input;
  const r = defaults(argv);
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      if (arg.length > 2) return arg.slice(2);
      i++;
      return argv[i];
    };
    if (arg.startsWith('@')) {
      if (arg.length === 1) return { ok: false, error: 'a server is missing after @' };
      r.servers.push(arg.slice(1));
    } else if (arg.startsWith('+')) {
      const err = plusOption(r, arg);
      if (err) return { ok: false, error: err };
    } else if (arg.startsWith('-') && arg.length > 1) {
      const letter = arg[1];
      switch (letter) {
        case 'p': {
          const n = numberIn(next(), 1, 65535, '-p');
          if (typeof n === 'string') return { ok: false, error: `${n} (the server port)` };
          r.port = n;
          break;
        }
        case 't': {
          const v = next();
          if (v === undefined || typeCode(v) === undefined) return { ok: false, error: `invalid type: ${v ?? '(missing)'}` };
          r.type = v.toUpperCase();
          break;
        }
        case 'c': {
          const v = next();
          if (v === undefined || classCode(v) === undefined) return { ok: false, error: `invalid class: ${v ?? '(missing)'}` };
          r.klass = v.toUpperCase();
          break;
        }
        case 'q': {
          const v = next();
          if (v === undefined) return { ok: false, error: '-q needs a name' };
          r.name = v;
          break;
        }
        case 'x': {
          const v = next();
          if (v === undefined) return { ok: false, error: '-x needs an address' };
          if (reverseName(v) === undefined) return { ok: false, error: `'${v}' is not an IPv4 or IPv6 address` };
          r.reverse = v;
          break;
        }
        case 'h':
          r.help = true;
          break;
        case '4':
          r.family = 4;
          break;
        case '6':
          r.family = 6;
          break;
        default:
          return { ok: false, error: `option ${arg} is not supported` };
      }
    } else words.push(arg);
  }
  for (const w of words) {
    // dig: a word that is a type or class mnemonic is one (so `dig ns` asks `. NS`).
    if (r.type === undefined && typeCode(w) !== undefined) r.type = w.toUpperCase();
    else if (r.klass === undefined && classCode(w) !== undefined) r.klass = w.toUpperCase();
    else if (r.name === undefined) r.name = w;
    else return { ok: false, error: `only one name per lookup (got '${r.name}' and '${w}')` };
  }
  if (r.type && /^(AXFR|IXFR)$/i.test(r.type)) return { ok: false, error: `${r.type} zone transfers are not supported` };
  return { ok: true, request: r };
}

/** The question the request asks: name (after -x), type and class with dig's defaults. */
export function requestedQuestion(r: DigRequest): { name: string; type: string; klass: string } {
  if (r.reverse !== undefined && r.name === undefined) return { name: reverseName(r.reverse)!, type: r.type ?? 'PTR', klass: r.klass ?? 'IN' };
  if (r.name === undefined) return { name: '.', type: r.type ?? 'NS', klass: r.klass ?? 'IN' };
  return { name: r.name, type: r.type ?? 'A', klass: r.klass ?? 'IN' };
}

export const DIG_USAGE = `Usage: infra-lens dig [@server] [-p port] [-t type] [-c class] [-x addr] [-4|-6] name [type] [class] [+option...] [--json]
  @server        ask this server (repeatable; default: the nameservers in /etc/resolv.conf)
  -p port        port for every server (default 53)
  -x addr        reverse lookup of an IPv4 or IPv6 address (PTR)
  -f file        batch mode (CLI only): one lookup per line of file (- for stdin), as dig -f
  type           any mnemonic (A, MX, HTTPS, SVCB, URI...) or TYPEnnn
  +tcp           TCP only (UDP answers with TC=1 are retried over TCP anyway)
  +short         rdata only, as dig +short
  +trace         iterate from the root (infraLens.dns.rootHints, or @server's root NS set)
  +compare       ask every resolver (resolv.conf plus each @server), side by side
  +search        the node's search-list expansion (search/ndots), each query sent
  +tries=N +retry=N +timeout=S +[no]recurse +[no]dnssec +[no]edns +bufsize=N +ignore
  +[no]adflag +[no]cdflag +cookie +nsid +[no]fail +identify +ndots=N +domain=D
  +[no]all +[no]question +[no]answer +[no]authority +[no]additional +[no]comments +[no]stats +[no]cmd
Exit status: 0 any answer (NXDOMAIN, SERVFAIL, REFUSED included), 1 bad usage, 9 no reply.
`;
