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
