// What every k8s rule gets: this file's objects, the workspace's, the Kubernetes version in
// use, and one way to report a finding on a node.

import type { Node } from 'yaml';
import type { Finding } from '../../core/finding';
import type { RuleMeta } from '../../core/rules';
import type { Settings } from '../../core/settings';
import type { K8sAst, K8sObject } from './model';
import type { Version } from './version';
import type { Workspace } from './workspace';
import { isKustomizePatch } from './kustomize';

export interface CheckContext {
  ast: K8sAst;
  settings: Settings;
  kubernetes: Version;
  workspace: Workspace;
  findings: Finding[];
  /** The document's URI (to know whether a Kustomization lists it as a patch). */
  uri?: string;
  /** Memo of isPartial(). */
  partial?: boolean;
}

export type Extra = Omit<Partial<Finding>, 'ruleId' | 'range' | 'message'>;

/** Reports on a node (or [start, end) offsets) of this file. */
export function report(ctx: CheckContext, rule: RuleMeta, at: Node | [number, number] | undefined, message: string, extra: Extra = {}): void {
  const offsets = Array.isArray(at) ? at : at?.range ? [at.range[0], at.range[1]] : undefined;
  if (!offsets) return;
  ctx.findings.push({ ruleId: rule.id, range: ctx.ast.index.rangeOf(offsets[0], offsets[1]), message, ...extra });
}

/** A fix that replaces a node's text. */
export function replaceFix(ctx: CheckContext, node: Node, newText: string, title = `Change to '${newText}'`): Extra['fixes'] {
  if (!node.range) return undefined;
  return [{ title, edits: [{ range: ctx.ast.index.rangeOf(node.range[0], node.range[1]), newText }], preferred: true }];
}

/** A related location on a node of this file or, with `where`, of another file's object. */
export function relatedAt(ctx: CheckContext, node: Node | undefined, message: string, where?: { ast: K8sAst; uri?: string }): Extra['related'] {
  if (!node?.range) return undefined;
  return [{ uri: where?.uri, range: (where?.ast ?? ctx.ast).index.rangeOf(node.range[0], node.range[1]), message }];
}

export interface Check {
  rule: RuleMeta;
  check(ctx: CheckContext): void;
}

/** Objects of this file of the given kinds. */
export function objectsOf(ctx: CheckContext, ...kinds: string[]): K8sObject[] {
  return ctx.ast.objects.filter((o) => kinds.includes(o.kind));
}

/** A Kustomize patch (a partial object): completeness checks are skipped for it. */
export function isPartial(ctx: CheckContext): boolean {
  ctx.partial ??= isKustomizePatch(ctx.uri, ctx.ast.objects[0], ctx.workspace);
  return ctx.partial;
}
