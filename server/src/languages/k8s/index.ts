// The Kubernetes YAML language: only documents with apiVersion and kind are looked at, so
// plain YAML (and Red Hat's YAML extension's own job) is left alone.

import type { Finding } from '../../core/finding';
import type { LanguageService } from '../../core/languageService';
import { defineRule } from '../../core/rules';
import { LineIndex } from '../../core/text';
import { type K8sAst, parseK8s } from './model';
import { checkResizeRestartPolicy, resizeRestartPolicy } from './rules/resize-restart-policy';

export const k8sYamlSyntax = defineRule({
  id: 'k8s/yaml-syntax',
  language: 'k8s',
  defaultSeverity: 'error',
  title: 'YAML syntax error in a Kubernetes manifest',
});

export const k8sLanguage: LanguageService<K8sAst> = {
  id: 'k8s',
  commentPrefixes: ['#'],
  rules: [k8sYamlSyntax, resizeRestartPolicy],
  parse: (text) => parseK8s(text),
  lint(ast) {
    const index = new LineIndex(ast.text);
    // YAML syntax errors are Red Hat's extension's job too; report them only for manifests.
    const syntax: Finding[] = ast.objects.length === 0 ? [] : ast.errors.map((e) => ({ ruleId: k8sYamlSyntax.id, range: index.rangeOf(e.start, e.end), message: e.message }));
    return [...syntax, ...checkResizeRestartPolicy(ast, index)];
  },
};
