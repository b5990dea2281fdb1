// apimachinery's name validators (validation.IsDNS1123Label, IsDNS1123Subdomain,
// IsDNS1035Label, IsValidPortName), written as character loops rather than the regexes they
// quote, with the API server's exact messages. Each returns the list of problems.

const LABEL_MAX = 63;
const SUBDOMAIN_MAX = 253;
const PORT_NAME_MAX = 15;

const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_LABEL_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const isLower = (c: string) => c >= 'a' && c <= 'z';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlnum = (c: string) => isLower(c) || isDigit(c);

function labelShapeOk(s: string, firstMustBeLetter: boolean): boolean {
  if (s.length === 0) return false;
  if (!(firstMustBeLetter ? isLower(s[0]) : isAlnum(s[0]))) return false;
  if (!isAlnum(s[s.length - 1])) return false;
  for (const c of s) if (!isAlnum(c) && c !== '-') return false;
  return true;
}

const tooLong = (max: number) => `must be no more than ${max} characters`;

export function dns1123Label(s: string): string[] {
  const errs: string[] = [];
  if (s.length > LABEL_MAX) errs.push(tooLong(LABEL_MAX));
  if (!labelShapeOk(s, false)) errs.push(DNS1123_LABEL_MESSAGE);
  return errs;
}

export function dns1123Subdomain(s: string): string[] {
  const errs: string[] = [];
  if (s.length > SUBDOMAIN_MAX) errs.push(tooLong(SUBDOMAIN_MAX));
  if (!s.split('.').every((label) => labelShapeOk(label, false))) errs.push(DNS1123_SUBDOMAIN_MESSAGE);
  return errs;
}

export function dns1035Label(s: string): string[] {
  const errs: string[] = [];
  if (s.length > LABEL_MAX) errs.push(tooLong(LABEL_MAX));
  if (!labelShapeOk(s, true)) errs.push(DNS1035_LABEL_MESSAGE);
  return errs;
}

/** IANA_SVC_NAME (RFC 6335), as IsValidPortName checks it. */
export function portName(s: string): string[] {
  const errs: string[] = [];
  if (s.length > PORT_NAME_MAX) errs.push(tooLong(PORT_NAME_MAX));
  if (![...s].every((c) => isAlnum(c) || c === '-')) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (![...s].some(isLower)) errs.push('must contain at least one letter (a-z)');
  if (s.includes('--')) errs.push('must not contain consecutive hyphens');
  if (s.startsWith('-') || s.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** A lowercase, dash-separated version of a bad name, when that makes it valid. */
export function suggestLabel(s: string, maxLength = LABEL_MAX): string | undefined {
  const fixed = s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, maxLength).replace(/-+$/, '');
  return fixed && fixed !== s ? fixed : undefined;
}

const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_NAME_PART_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const QUALIFIED_NAME_MESSAGE =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";

const isAlnumAnyCase = (c: string) => isAlnum(c) || (c >= 'A' && c <= 'Z');

function labelPartOk(s: string): boolean {
  if (s === '') return true;
  if (!isAlnumAnyCase(s[0]) || !isAlnumAnyCase(s[s.length - 1])) return false;
  for (const c of s) if (!isAlnumAnyCase(c) && c !== '-' && c !== '_' && c !== '.') return false;
  return true;
}

/** IsValidLabelValue. */
export function labelValue(s: string): string[] {
  const errs: string[] = [];
  if (s.length > LABEL_MAX) errs.push(tooLong(LABEL_MAX));
  if (!labelPartOk(s)) errs.push(LABEL_VALUE_MESSAGE);
  return errs;
}

/** IsQualifiedName: label and annotation keys, `[prefix/]name`. */
export function qualifiedName(s: string): string[] {
  const parts = s.split('/');
  if (parts.length > 2) return [QUALIFIED_NAME_MESSAGE];
  const name = parts.at(-1)!;
  const errs: string[] = [];
  if (parts.length === 2) {
    if (parts[0] === '') errs.push('prefix part must be non-empty');
    else errs.push(...dns1123Subdomain(parts[0]).map((e) => `prefix part ${e}`));
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (name.length > LABEL_MAX) errs.push(`name part ${tooLong(LABEL_MAX)}`);
  if (name !== '' && !labelPartOk(name)) errs.push(QUALIFIED_NAME_PART_MESSAGE);
  return errs;
}
