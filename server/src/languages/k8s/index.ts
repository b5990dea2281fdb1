// The Kubernetes YAML language: only documents with apiVersion and kind are looked at, so
// plain YAML (and Red Hat's YAML extension's own job) is left alone. Rules see this file's
// objects and, for cross-document checks, the other manifests the front end knows.

import type { Finding } from '../../core/finding';
import type { AnalysisContext, LanguageService, OutlineSymbol } from '../../core/languageService';
import type { CheckContext } from './check';
import { completeK8s } from './completion';
import { hoverK8s } from './hover';
import { type K8sAst, reparseK8s } from './model';
import { checkDnsConfig, dnsConfig } from './rules/dns-config';
import { checkDnsPolicy, dnsPolicy } from './rules/dns-policy';
import { checkFieldType, fieldType } from './rules/field-type';
import { checkHeadlessService, headlessService } from './rules/headless-service';
import { checkHelmTemplate, helmTemplate } from './rules/helm-template';
import { checkLabel, label } from './rules/label';
import { checkMemoryDecimalUnit, memoryDecimalUnit } from './rules/memory-decimal-unit';
import { checkMemoryMilli, memoryMilli } from './rules/memory-milli';
import { checkObjectName, objectName } from './rules/object-name';
import { checkPodHostname, podHostname } from './rules/pod-hostname';
import { checkQosIntent, qosIntent } from './rules/qos-intent';
import { checkRequestsOverLimits, requestsOverLimits } from './rules/requests-over-limits';
import { checkResizeMemoryLimit, resizeMemoryLimit } from './rules/resize-memory-limit';
import { checkSchema, schema } from './rules/schema';
import { checkSelectorMismatch, selectorMismatch } from './rules/selector-mismatch';
import { checkPortRange, portRange } from './rules/port-range';
import { checkWorkloadRestartPolicy, workloadRestartPolicy } from './rules/workload-restart-policy';
import { checkProbeHandler, probeHandler } from './rules/probe-handler';
import { checkVolumeMountName, volumeMountName } from './rules/volume-mount-name';
import { checkEnvValueFrom, envValueFrom } from './rules/env-value-from';
import { checkRequiredField, requiredField } from './rules/required-field';
import { checkResourceName, resourceName } from './rules/resource-name';
import { apiVersionRule, checkApiVersion } from './rules/api-version';
import { checkResizeNotAllowed, resizeNotAllowed } from './rules/resize-not-allowed';
import { checkResizeQos, resizeQos } from './rules/resize-qos';
import { checkResizeResourceName, resizeResourceName } from './rules/resize-resource-name';
import { checkResizeRestartPolicy, resizeRestartPolicy } from './rules/resize-restart-policy';
import { checkRestartPolicy, restartPolicy } from './rules/restart-policy';
import { checkResourceQuantity, resourceQuantity } from './rules/resource-quantity';
import { checkServicePorts, servicePorts } from './rules/service-ports';
import { checkServiceSelector, serviceSelector } from './rules/service-selector';
import { checkServiceType, serviceType } from './rules/service-type';
import { checkStatefulsetServiceName, statefulsetServiceName } from './rules/statefulset-service-name';
import { checkVpaInplaceRestart, vpaInplaceRestart } from './rules/vpa-inplace-restart';
import { checkVpaMinReplicas, vpaMinReplicas } from './rules/vpa-min-replicas';
import { checkVpaResourcePolicy, vpaResourcePolicy } from './rules/vpa-resource-policy';
import { checkVpaTarget, vpaTarget } from './rules/vpa-target';
import { checkVpaUpdateMode, vpaUpdateMode } from './rules/vpa-update-mode';
import { checkYamlSyntax, yamlSyntax } from './rules/yaml-syntax';
import { lintDocuments } from './documentLint';
import { parseVersion } from './version';
import { Workspace, workspaceIndex } from './workspace';

/** The rules of each document (run per document, their findings reused while it is unchanged). */
const CHECKS: Array<(ctx: CheckContext) => void> = [
  checkFieldType,
  checkResizeRestartPolicy,
  checkResizeResourceName,
  checkResizeNotAllowed,
  checkResizeQos,
  checkResizeMemoryLimit,
  checkVpaUpdateMode,
  checkVpaMinReplicas,
  checkVpaResourcePolicy,
  checkVpaTarget,
  checkVpaInplaceRestart,
  checkHeadlessService,
  checkServicePorts,
  checkServiceType,
  checkServiceSelector,
  checkStatefulsetServiceName,
  checkPodHostname,
  checkDnsPolicy,
  checkRestartPolicy,
  checkDnsConfig,
  checkResourceQuantity,
  checkRequestsOverLimits,
  checkMemoryMilli,
  checkMemoryDecimalUnit,
  checkQosIntent,
  checkObjectName,
  checkLabel,
  checkApiVersion,
  checkSelectorMismatch,
  checkPortRange,
  checkWorkloadRestartPolicy,
  checkProbeHandler,
  checkVolumeMountName,
  checkEnvValueFrom,
  checkRequiredField,
  checkResourceName,
  checkSchema,
];

/** An anchor used twice reports the same node once per alias (only the field path differs); keep the first. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.ruleId}|${f.range.start.line}:${f.range.start.character}|${f.range.end.line}:${f.range.end.character}|${f.message.replace(/^[^:]*: /, '')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The focused rules say more than the schema does about the same token (a fix, the reason):
 * a k8s/schema finding on a range another rule already reported is dropped.
 */
function preferFocused(findings: Finding[]): Finding[] {
  const at = (f: Finding) => `${f.range.start.line}:${f.range.start.character}|${f.range.end.line}:${f.range.end.character}`;
  const focused = new Set(findings.filter((f) => f.ruleId !== schema.id).map(at));
  return findings.filter((f) => f.ruleId !== schema.id || !focused.has(at(f)));
}

export function lintK8s(ast: K8sAst, ctx: AnalysisContext): Finding[] {
  const check: CheckContext = { ast, settings: ctx.settings, kubernetes: parseVersion(ctx.settings.kubernetes.version), workspace: new Workspace(ast), findings: [], uri: ctx.uri };
  if (ast.template) {
    checkHelmTemplate(check);
    return check.findings;
  }
  if (ast.objects.length === 0) return [];
  check.workspace = new Workspace(ast, ctx);
  // Syntax errors are the file's (reported once the file holds any object at all).
  checkYamlSyntax(check);
  check.findings.push(...lintDocuments(check, CHECKS, ctx.isCancelled));
  return preferFocused(dedupe(check.findings));
}

function symbolsK8s(ast: K8sAst): OutlineSymbol[] {
  return ast.objects.flatMap((o) => {
    const r = o.root.range;
    if (!r) return [];
    const range = ast.index.rangeOf(r[0], r[1]);
    const nameNode = o.get(o.map(o.root, 'metadata'), 'name') ?? o.entry(o.root, 'kind')?.value;
    const selectionRange = nameNode?.range ? ast.index.rangeOf(nameNode.range[0], nameNode.range[1]) : range;
    return [{ name: `${o.kind}/${o.name ?? '?'}`, detail: o.apiVersion, kind: 'object' as const, range, selectionRange }];
  });
}

export const k8sLanguage: LanguageService<K8sAst> = {
  id: 'k8s',
  commentPrefixes: ['#'],
  rules: [
    yamlSyntax, helmTemplate, resizeRestartPolicy, resizeResourceName, resizeNotAllowed, resizeQos, resizeMemoryLimit,
    vpaUpdateMode, vpaMinReplicas, vpaResourcePolicy, vpaTarget, vpaInplaceRestart, headlessService, servicePorts,
    serviceType, serviceSelector, statefulsetServiceName, podHostname, dnsPolicy, dnsConfig, resourceQuantity, requestsOverLimits,
    memoryMilli, memoryDecimalUnit, qosIntent, objectName, label, fieldType, restartPolicy, schema, apiVersionRule,
    selectorMismatch, portRange, workloadRestartPolicy, probeHandler, volumeMountName, envValueFrom, requiredField, resourceName,
  ],
  parse: (text, ctx) => workspaceIndex.parse(ctx?.uri, text),
  // Only the documents an edit touches are parsed again, and their rules run again (documentLint.ts).
  reparse: (previous, text, changes, ctx) => workspaceIndex.put(ctx?.uri, text, reparseK8s(previous, text, changes)),
  lint: lintK8s,
  hover: hoverK8s,
  complete: (ast, position, ctx) => completeK8s(ast, position, ctx),
  symbols: symbolsK8s,
};
