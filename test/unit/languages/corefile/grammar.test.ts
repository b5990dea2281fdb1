// The Corefile TextMate grammar, run by a small TextMate-style tokenizer (match, begin/end,
// captures, include; earliest match wins, end pattern first) on JavaScript regexes, which
// cover the constructs the grammar uses. Each assertion names the scope a word gets.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'node:test';
import { repoRoot } from '../../../helpers';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  endCaptures?: Record<string, { name: string }>;
}

const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes', 'corefile.tmLanguage.json'), 'utf8')) as { patterns: Rule[]; repository: Record<string, Rule> };

function flatten(patterns: Rule[]): Rule[] {
  return patterns.flatMap((p) => {
    if (!p.include) return [p];
    const r = grammar.repository[p.include.slice(1)];
    return r.patterns && !r.match && !r.begin ? flatten(r.patterns) : [r];
  });
}

const re = (src: string) => new RegExp(src, 'gd');

/** Scopes of every character of every line. */
function tokenize(text: string): string[][][] {
  const stack: Array<{ rule: Rule; end: RegExp; name?: string }> = [];
  return text.split('\n').map((line) => {
    const scopes: string[][] = Array.from({ length: line.length }, () => []);
    const paint = (from: number, to: number, name: string | undefined) => {
      if (name) for (let i = from; i < to; i++) scopes[i].push(name);
    };
    const paintCaptures = (m: RegExpExecArray, caps: Rule['captures']) => {
      for (const [g, c] of Object.entries(caps ?? {})) {
        const span = m.indices?.[Number(g)];
        if (span) paint(span[0], span[1], c.name);
      }
    };
    let pos = 0;
    while (pos <= line.length) {
      const top = stack[stack.length - 1];
      const candidates = flatten(top ? (top.rule.patterns ?? []) : grammar.patterns);
      let best: { m: RegExpExecArray; rule?: Rule } | undefined;
      if (top) {
        top.end.lastIndex = pos;
        const m = top.end.exec(line);
        if (m) best = { m };
      }
      for (const rule of candidates) {
        const r = re(rule.match ?? rule.begin!);
        r.lastIndex = pos;
        const m = r.exec(line);
        if (m && (!best || m.index < best.m.index)) best = { m, rule };
      }
      if (!best) break;
      const { m, rule } = best;
      const start = m.index;
      const end = start + m[0].length;
      for (const s of stack) paint(start, end, s.name);
      if (!rule) {
        paintCaptures(m, top!.rule.endCaptures);
        stack.pop();
      } else if (rule.match) {
        paint(start, end, rule.name);
        paintCaptures(m, rule.captures);
      } else {
        paint(start, end, rule.name);
        paintCaptures(m, rule.beginCaptures);
        stack.push({ rule, end: re(rule.end!), name: rule.name });
      }
      pos = end > pos ? end : pos + 1;
    }
    // Scopes of the open begin/end rules cover the rest of the line.
    for (let i = 0; i < line.length; i++) for (const s of stack) if (s.name && !scopes[i].includes(s.name)) scopes[i].push(s.name);
    return scopes;
  });
}

const DOC = [
  '# cluster DNS',
  'tls://example.org:853, .:53 {',
  '    import common',
  '    forward . 10.0.0.2:53 tls://9.9.9.9 {',
  '        policy round_robin',
  '        expire 1m30s',
  '    }',
  '    template IN A example.org {',
  '        answer "{{ .Name }} 60 IN A {$ADDR}"',
  '    }',
  '    cache 30 # seconds',
  '}',
  '(common) {',
  '    errors',
  '}',
];

const tokens = tokenize(DOC.join('\n'));

function scopesOf(line: number, word: string): string[] {
  const col = DOC[line].indexOf(word);
  assert.ok(col >= 0, `'${word}' on line ${line}`);
  return tokens[line][col];
}

test('grammar: server keys, schemes and ports', () => {
  assert.ok(scopesOf(1, 'tls://').includes('keyword.other.scheme.corefile'));
  assert.ok(scopesOf(1, 'example.org').includes('entity.name.section.server-key.corefile'));
  assert.ok(scopesOf(1, ':853').includes('constant.numeric.port.corefile'));
  assert.ok(scopesOf(1, '{').includes('punctuation.section.block.begin.corefile'));
});

test('grammar: directives, properties, import, snippets', () => {
  assert.ok(scopesOf(3, 'forward').includes('keyword.other.directive.corefile'));
  assert.ok(scopesOf(4, 'policy').includes('variable.other.property.corefile'));
  assert.ok(!scopesOf(4, 'policy').includes('keyword.other.directive.corefile'));
  assert.ok(scopesOf(10, 'cache').includes('keyword.other.directive.corefile'));
  assert.ok(scopesOf(2, 'import').includes('keyword.control.import.corefile'));
  assert.ok(scopesOf(12, '(common)').includes('entity.name.function.snippet.corefile'));
});

test('grammar: strings, placeholders, comments, numbers, durations, addresses', () => {
  assert.ok(scopesOf(8, '"{{').includes('string.quoted.double.corefile'));
  assert.ok(scopesOf(8, '{$ADDR}').includes('variable.other.environment.corefile'));
  assert.ok(scopesOf(0, '# cluster').includes('comment.line.number-sign.corefile'));
  assert.ok(scopesOf(10, '# seconds').includes('comment.line.number-sign.corefile'));
  assert.ok(scopesOf(10, '30').includes('constant.numeric.corefile'));
  assert.ok(scopesOf(5, '1m30s').includes('constant.numeric.duration.corefile'));
  assert.ok(scopesOf(3, '10.0.0.2:53').includes('constant.numeric.ip.corefile'));
  assert.ok(scopesOf(3, 'tls://9').includes('keyword.other.scheme.corefile'));
});

test('grammar: a "{" glued to a word opens no block', () => {
  const t = tokenize('example.org:53{\n    whoami\n}');
  assert.ok(!t[0][14].includes('punctuation.section.block.begin.corefile'));
  assert.ok(!t[1][4].includes('keyword.other.directive.corefile'), 'no block was opened');
});
