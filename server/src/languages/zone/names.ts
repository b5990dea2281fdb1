// Domain names in presentation format (RFC 1035 §5.1): escapes, relative vs absolute, label
// (63 octets) and name (255 octets in wire form) limits, and the canonical key we compare
// names by: absolute, lower-case, with the same escapes everywhere ("www.example.com.").

export interface ParsedName {
  /** Canonical absolute name, e.g. "www.example.com."; undefined when the text is invalid. */
  key?: string;
  absolute: boolean;
  /** BIND's wording: "label too long", "ran out of space", "empty label", "bad escape". */
  error?: string;
}

const MAX_LABEL = 63;
const MAX_NAME = 255;

function escapeOctet(code: number): string {
  if (code <= 32 || code >= 127) return `\\${String(code).padStart(3, '0')}`;
  const ch = String.fromCharCode(code);
  return '.\\"();@$'.includes(ch) ? `\\${ch}` : ch;
}

function lowerOctet(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * Reads a name token; a relative one gets `origin` (a canonical key) appended. '@' is the
 * origin itself. Linear in the token's length.
 */
export function parseName(text: string, origin: string): ParsedName {
  if (text === '@') return { key: origin, absolute: false };
  if (text === '.') return { key: '.', absolute: true };
  if (text.length === 0) return { absolute: false, error: 'empty name' };
  // Fast path: no escapes. One scan checks the labels and whether the text needs escaping
  // or lower-casing; the body is text[0, end) (without the trailing dot).
  if (text.indexOf('\\') < 0) {
    const absolute = text.charCodeAt(text.length - 1) === 46;
    const end = absolute ? text.length - 1 : text.length;
    let labelStart = 0;
    let wire = 1;
    // Plain letters, digits, '-', '_', '*' and '.' (almost every name) need no escaping.
    let plain = true;
    let upper = false;
    for (let i = 0; i <= end; i++) {
      const c = i === end ? 46 : text.charCodeAt(i);
      if (c === 46) {
        const len = i - labelStart;
        if (len === 0) return { absolute, error: 'empty label' };
        if (len > MAX_LABEL) return { absolute, error: 'label too long' };
        wire += len + 1;
        labelStart = i + 1;
      } else if (plain) {
        if (c >= 65 && c <= 90) upper = true;
        else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 42)) plain = false;
      }
    }
    let key = '';
    if (plain) {
      // An absolute plain name is its own key (lower-cased): no slice, no concatenation.
      key = upper ? text.toLowerCase() : text;
    } else for (let i = 0; i < end; i++) key += text.charCodeAt(i) === 46 ? '.' : escapeOctet(lowerOctet(text.charCodeAt(i)));
    if (!absolute) {
      wire += origin === '.' ? 0 : wireLength(origin) - 1;
      key = origin === '.' ? `${key}.` : key + dotted(origin);
    } else if (!plain) key += '.';
    if (wire > MAX_NAME) return { absolute, error: absolute ? 'name too long' : 'ran out of space' };
    return { key, absolute };
  }
  const labels: string[] = [];
  let label = '';
  let octets = 0;
  let absolute = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      if (octets === 0) return { absolute: false, error: 'empty label' };
      labels.push(label);
      label = '';
      octets = 0;
      if (i === text.length - 1) absolute = true;
      continue;
    }
    if (code === 92 /* \ */) {
      const next = text.charCodeAt(i + 1);
      if (Number.isNaN(next)) return { absolute: false, error: 'bad escape' };
      if (next >= 48 && next <= 57) {
        const ddd = text.slice(i + 1, i + 4);
        if (!/^\d{3}$/.test(ddd) || Number(ddd) > 255) return { absolute: false, error: 'bad escape' };
        code = Number(ddd);
        i += 3;
      } else {
        code = next;
        i += 1;
      }
    }
    octets++;
    if (octets > MAX_LABEL) return { absolute: false, error: 'label too long' };
    label += escapeOctet(lowerOctet(code));
  }
  if (!absolute) labels.push(label);
  let key = labels.join('.') + '.';
  let wire = labelWire(key);
  if (!absolute && origin !== '.') {
    key = key + origin;
    wire += wireLength(origin) - 1;
  }
  if (wire > MAX_NAME) return { absolute, error: absolute ? 'name too long' : 'ran out of space' };
  return { key, absolute };
}

/** `.${origin}`, made once per origin: a relative name is then one concatenation, not two. */
function dotted(origin: string): string {
  if (origin !== lastDottedOrigin) {
    lastDottedOrigin = origin;
    lastDotted = `.${origin}`;
  }
  return lastDotted;
}
let lastDottedOrigin = '';
let lastDotted = '.';

/** Octets of the name in uncompressed wire form (labels, their length octets and the root). */
export function wireLength(key: string): number {
  if (key === '.') return 1;
  // Relative names ask for their origin's length every time: keep the last answer.
  if (key !== lastWireKey) {
    lastWireKey = key;
    lastWire = labelWire(key);
  }
  return lastWire;
}
let lastWireKey = '';
let lastWire = 0;

function labelWire(key: string): number {
  let wire = 1;
  for (const l of splitLabels(key)) wire += octetLength(l) + 1;
  return wire;
}

/** Octets of one escaped label. */
function octetLength(label: string): number {
  let n = 0;
  for (let i = 0; i < label.length; i++, n++) {
    if (label.charCodeAt(i) === 92) i += /\d/.test(label[i + 1] ?? '') ? 3 : 1;
  }
  return n;
}

/** Labels of a canonical key, left to right, still escaped ("a\.b.example." -> ["a\.b", "example"]). */
export function splitLabels(key: string): string[] {
  if (key === '.') return [];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 46) {
      out.push(key.slice(start, i));
      start = i + 1;
    }
  }
  if (start < key.length) out.push(key.slice(start));
  return out;
}

export function labelCount(key: string): number {
  return splitLabels(key).length;
}

/** Whether `name` is `zone` or below it (both canonical keys). */
export function isAtOrBelow(name: string, zone: string): boolean {
  if (zone === '.' || name === zone) return true;
  if (!name.endsWith(zone) || name.length <= zone.length) return false;
  if (name.charCodeAt(name.length - zone.length - 1) !== 46) return false;
  // The dot must not be escaped: count the backslashes before it.
  let slashes = 0;
  for (let i = name.length - zone.length - 2; i >= 0 && name.charCodeAt(i) === 92; i--) slashes++;
  return slashes % 2 === 0;
}

/** The name one label up, or undefined for the root. */
export function parentName(key: string): string | undefined {
  if (key === '.') return undefined;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 46) return i === key.length - 1 ? '.' : key.slice(i + 1);
  }
  return '.';
}

/** The name relative to `origin` when it is below it (for display), else the absolute key. */
export function relativeName(key: string, origin: string): string {
  if (key === origin) return '@';
  if (origin !== '.' && isAtOrBelow(key, origin)) return key.slice(0, key.length - origin.length - 1);
  return key;
}

/** The origin implied by a file name as BIND users name zone files, or undefined. */
export function originFromFileName(uriOrPath: string): string | undefined {
  const base = decodeURIComponent(uriOrPath.slice(Math.max(uriOrPath.lastIndexOf('/'), uriOrPath.lastIndexOf('\\')) + 1));
  let name: string | undefined;
  if (base.endsWith('.zone')) name = base.slice(0, -5);
  else if (base.startsWith('db.')) name = base.slice(3);
  else if (base.endsWith('.db')) name = base.slice(0, -3);
  if (!name || !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/.test(name)) return undefined;
  return (name.endsWith('.') ? name : `${name}.`).toLowerCase();
}
