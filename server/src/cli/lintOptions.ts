// The options of `infra-lens lint` that take a value: shared by the lint itself and by the
// dispatcher that picks its bundle, so both read argv the same way.

export const LINT_VALUED_OPTIONS = [
  'format',
  'language',
  'origin',
  'rule',
  'config',
  'kubernetes-version',
  'coredns-version',
  'libc',
  'max-file-size',
  'allow-include',
  'stdin-filename',
];
