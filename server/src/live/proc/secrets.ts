// Which environment values and command-line arguments to hide. By name (API_TOKEN,
// MYSQL_PWD, *_AUTH, DSNs, webhooks …) and, whatever the name, by what the value looks like:
// PEM blocks, JWTs, scheme://user:password@ URLs (a password may contain '/' or '@'),
// passwords in query strings and DSNs, and the shapes of cloud and SaaS keys.

/** Name parts that mark a secret. PWD/OLDPWD are directories; MYSQL_PWD is a password. */
const SECRET_NAME =
  /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|KEY|CREDENTIAL|PRIVATE|AUTHORIZATION|COOKIE|SIGNATURE|PASS$|^PASS_|_PASS_|.PWD$|_AUTH$|^AUTH_|_AUTH_|AUTH_?TOKEN|DSN$|_DSN_|WEBHOOK|CONN(ECTION)?_?STR(ING)?|SESSION_?ID|SAS$|_SAS_/i;
/** Directory variables that only look like MYSQL_PWD. */
const NOT_SECRET = /^(OLD)?PWD$/i;

export const MASK = '********';

export type MaskReason = 'name' | 'url-credentials' | 'pem' | 'jwt' | 'key-shape' | 'query-credentials' | 'dsn' | 'webhook';

export const MASK_REASON_TEXT: Record<MaskReason, string> = {
  name: 'secret-looking name',
  'url-credentials': 'password in URL',
  pem: 'PEM block',
  jwt: 'JSON Web Token',
  'key-shape': 'looks like an access key',
  'query-credentials': 'credential in a query string',
  dsn: 'password in a connection string',
  webhook: 'webhook URL',
};

export function secretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET.test(name);
}

interface ValueRule {
  reason: MaskReason;
  pattern: RegExp;
  /** Replacement keeping the non-secret parts ($1 …). */
  replace: string;
}

// Every pattern is linear (no nested quantifiers): values can be long.
const VALUE_RULES: ValueRule[] = [
  { reason: 'pem', pattern: /-----BEGIN [A-Z0-9 ]{0,40}-----[\s\S]*?(-----END [A-Z0-9 ]{0,40}-----|$)/g, replace: MASK },
  { reason: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, replace: MASK },
  // scheme://user:password@host — the password runs to the last '@' of the word.
  { reason: 'url-credentials', pattern: /([a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:)\S*@(?=[^@\s]*(\s|$))/gi, replace: `$1${MASK}@` },
  // scheme://long-token@host (a token as the user name, as GitHub and GitLab clone URLs use).
  { reason: 'url-credentials', pattern: /([a-z][a-z0-9+.-]*:\/\/)[A-Za-z0-9_-]{20,}@/gi, replace: `$1${MASK}@` },
  { reason: 'webhook', pattern: /(https?:\/\/(hooks\.slack\.com\/(services|workflows|triggers)|(discord|discordapp)\.com\/api\/webhooks|[a-z0-9.-]*\.webhook\.office\.com|outlook\.office\.com\/webhook)\/)\S+/gi, replace: `$1${MASK}` },
  { reason: 'query-credentials', pattern: /([?&;](password|passwd|pwd|pass|token|access_token|refresh_token|id_token|api_?key|apikey|key|secret|client_secret|sig|signature|auth|credentials?)=)[^&#;\s]+/gi, replace: `$1${MASK}` },
  { reason: 'dsn', pattern: /(\b(password|passwd|pwd)\s*=\s*)('[^']*'|"[^"]*"|[^\s;&]+)/gi, replace: `$1${MASK}` },
  {
    reason: 'key-shape',
    pattern: /\b((AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|sk_live_[0-9A-Za-z]{20,}|rk_live_[0-9A-Za-z]{20,}|sk-[A-Za-z0-9_-]{32,}|npm_[A-Za-z0-9]{36})\b/g,
    replace: MASK,
  },
];

/** The value with every secret-shaped part masked, and the first reason (undefined: nothing). */
export function maskSecretShapes(value: string): { value: string; masked?: MaskReason } {
  let out = value;
  let masked: MaskReason | undefined;
  for (const rule of VALUE_RULES) {
    rule.pattern.lastIndex = 0;
    const replaced = out.replace(rule.pattern, rule.replace);
    if (replaced !== out) {
      masked ??= rule.reason;
      out = replaced;
    }
  }
  return masked ? { value: out, masked } : { value };
}

/** The value to show, and why it was masked (undefined: shown as is). */
export function maskValue(name: string, value: string): { value: string; masked?: MaskReason } {
  if (secretName(name)) return { value: MASK, masked: 'name' };
  return maskSecretShapes(value);
}

/** Flags whose value is a secret: --password=x, --password x, --client-secret x, -pSECRET (mysql). */
const SECRET_FLAG = /^--?([a-z0-9]+[-_])*(password|passwd|pass|pwd|token|secret|api[-_]?key|auth[-_]?token|access[-_]?key|private[-_]?key|credentials?)$/i;

/**
 * argv with secrets masked: values of secret flags (`--password=x`, `--token x`, mysql's
 * `-pSECRET`), NAME=value words with a secret name (`env PGPASSWORD=x psql`), and every
 * secret-shaped value. Returns how many arguments changed.
 */
export function maskArgs(args: string[]): { args: string[]; masked: number } {
  let masked = 0;
  const out = args.map((arg, i) => {
    const previous = i > 0 ? args[i - 1] : '';
    let next = arg;
    const eq = arg.indexOf('=');
    if (SECRET_FLAG.test(previous) && !arg.startsWith('-')) next = MASK;
    else if (arg.startsWith('-') && eq > 0 && SECRET_FLAG.test(arg.slice(0, eq))) next = `${arg.slice(0, eq + 1)}${MASK}`;
    else if (/^-p.+/.test(arg) && i > 0 && /(^|\/)mysql(dump|admin|sh)?$|(^|\/)mariadb/.test(args[0])) next = `-p${MASK}`;
    else if (!arg.startsWith('-') && eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(arg.slice(0, eq)) && secretName(arg.slice(0, eq))) next = `${arg.slice(0, eq + 1)}${MASK}`;
    else next = maskSecretShapes(arg).value;
    if (next !== arg) masked++;
    return next;
  });
  return { args: out, masked };
}
