// resource.Quantity as apimachinery parses it: <signed number><suffix>, suffix binary SI
// (Ki Mi Gi Ti Pi Ei), decimal SI (n u m "" k M G T P E) or a decimal exponent (e3, E-2).
// Errors carry apimachinery's own messages (ErrFormatWrong, ErrNumeric, ErrSuffix).

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const NUMERIC_ERROR = 'unable to parse numeric part of quantity';
const SUFFIX_ERROR = "unable to parse quantity's suffix";

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export type Quantity =
  | { ok: true; value: number; number: string; suffix: string; format: 'binary' | 'decimal' | 'exponent' }
  | { ok: false; error: string };

const isDigit = (c: string) => c >= '0' && c <= '9';

export function parseQuantity(text: string): Quantity {
  // The shape check of the regular expression in the message, done by hand (no backtracking).
  let i = 0;
  if (text[i] === '+' || text[i] === '-') i++;
  const numberStart = i;
  while (i < text.length && (isDigit(text[i]) || text[i] === '.')) i++;
  const numberEnd = i;
  if (numberEnd === numberStart) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  while (i < text.length && 'eEinumkKMGTP'.includes(text[i])) i++;
  if (text[i] === '+' || text[i] === '-') i++;
  while (i < text.length && isDigit(text[i])) i++;
  if (i !== text.length) return { ok: false, error: QUANTITY_FORMAT_ERROR };

  const digits = text.slice(numberStart, numberEnd);
  const dot = digits.indexOf('.');
  if (digits.indexOf('.', dot + 1) >= 0 && dot >= 0) return { ok: false, error: NUMERIC_ERROR };
  if (digits === '.') return { ok: false, error: NUMERIC_ERROR };
  const sign = text[0] === '-' ? -1 : 1;
  const magnitude = Number(digits.startsWith('.') ? `0${digits}` : digits.endsWith('.') ? digits.slice(0, -1) : digits);
  const suffix = text.slice(numberEnd);
  const number = text.slice(0, numberEnd);
  if (suffix in BINARY) return { ok: true, value: sign * magnitude * BINARY[suffix], number, suffix, format: 'binary' };
  if (suffix in DECIMAL) return { ok: true, value: sign * magnitude * DECIMAL[suffix], number, suffix, format: 'decimal' };
  const exponent = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (exponent) return { ok: true, value: sign * magnitude * 10 ** Number(exponent[1]), number, suffix, format: 'exponent' };
  return { ok: false, error: SUFFIX_ERROR };
}

/** A suffix people write for bytes that Kubernetes does not know, and the one they meant. */
export function intendedSuffix(text: string): { number: string; suffix: string } | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|PB|KiB|MiB|GiB|TiB|kb|mb|gb|Kb|Mb|Gb|K|g|mi|gi|ki)$/.exec(text);
  if (!m) return undefined;
  const map: Record<string, string> = { KB: 'Ki', kb: 'Ki', Kb: 'Ki', K: 'Ki', ki: 'Ki', KiB: 'Ki', MB: 'Mi', mb: 'Mi', Mb: 'Mi', mi: 'Mi', MiB: 'Mi', GB: 'Gi', gb: 'Gi', Gb: 'Gi', g: 'Gi', gi: 'Gi', GiB: 'Gi', TB: 'Ti', TiB: 'Ti', PB: 'Pi' };
  return { number: m[1], suffix: map[m[2]] };
}

/** Bytes as a person reads them (1.5Gi, 953.7Mi). */
export function formatBytes(bytes: number): string {
  const units = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'];
  for (const u of units) {
    const size = BINARY[u];
    if (Math.abs(bytes) >= size) return `${Number((bytes / size).toFixed(1))}${u}`;
  }
  return `${Number(bytes.toPrecision(3))} bytes`;
}
