// corefile/loop-without-forward: "loop" only detects loops through forwarding plugins;
// left behind after forward was removed it does nothing useful (coredns#5952).

import type { Finding } from '../../../core/finding';
import { defineRule } from '../../../core/rules';
import { endOfLineDeletion } from '../parser';
import { findingAt, type RuleContext } from './context';

export const loopWithoutForward = defineRule({ id: 'corefile/loop-without-forward', language: 'corefile', defaultSeverity: 'information', title: 'loop in a block that forwards nowhere' });

const FORWARDERS = new Set(['forward', 'grpc']);

export function checkLoopWithoutForward({ ast }: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const block of ast.blocks) {
    if (block.hasOpaqueImport || block.directives.some((d) => FORWARDERS.has(d.name.text))) continue;
    const loop = block.directives.find((d) => d.name.text === 'loop');
    if (loop) {
      const range = { start: { line: loop.name.line, character: 0 }, end: endOfLineDeletion(ast, loop.name.line) };
      out.push(findingAt(loopWithoutForward.id, loop.name, "'loop' without 'forward' or 'grpc' in this block: there is nothing to loop through; remove it (it was probably left when forward was removed)", { fixes: loop.importedBy ? undefined : [{ title: "Remove 'loop'", edits: [{ range, newText: '' }] }], tags: ['unnecessary'] }));
    }
  }
  return out;
}
