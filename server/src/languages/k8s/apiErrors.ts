// The API server's field errors, worded the way `kubectl apply` prints them
// (apimachinery field.Error: "<field path>: <type>: <detail>"), so a finding in the editor
// reads like the rejection it predicts.

/** How field.Error renders a bad value: strings quoted, numbers bare, lists Go-style. */
export function goValue(value: string | number | boolean | string[]): string {
  if (Array.isArray(value)) return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function required(path: string, detail?: string): string {
  return `${path}: Required value${detail ? `: ${detail}` : ''}`;
}

export function unsupported(path: string, value: string, supported: readonly string[]): string {
  return `${path}: Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`;
}

export function invalid(path: string, value: string | number | boolean | string[], detail: string): string {
  return `${path}: Invalid value: ${goValue(value)}: ${detail}`;
}

export function forbidden(path: string, detail: string): string {
  return `${path}: Forbidden: ${detail}`;
}

export function duplicate(path: string, value: string): string {
  return `${path}: Duplicate value: ${goValue(value)}`;
}
