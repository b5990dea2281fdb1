// Which environment values to hide: secret-looking names, and passwords inside URLs.

/** Name parts that mark a secret (*TOKEN*, *SECRET*, *PASSWORD*, *KEY* …). PWD/OLDPWD are directories. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|KEY|CREDENTIAL|PRIVATE|AUTHORIZATION|COOKIE|SIGNATURE|PASS$|^PASS_|_PASS_/i;
/** scheme://user:password@host: the password part. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:)([^@/\s]+)(@)/gi;

export const MASK = '********';

export type MaskReason = 'name' | 'url-credentials';

export function secretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The value to show, and why it was masked (undefined: shown as is). */
export function maskValue(name: string, value: string): { value: string; masked?: MaskReason } {
  if (secretName(name)) return { value: MASK, masked: 'name' };
  const replaced = value.replace(URL_CREDENTIALS, `$1${MASK}$3`);
  return replaced === value ? { value } : { value: replaced, masked: 'url-credentials' };
}
