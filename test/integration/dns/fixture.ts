// A local authoritative BIND for the DNS tests (recipe: ../shared/research/dig.md §6).
// The test starts named on loopback high ports and stops it; nothing leaves 127.0.0.0/8/::1.
// Plain mode listens on 127.0.0.1 and ::1; trace mode (inside a private network namespace)
// also on 127.0.0.2-4 for the referral chain root -> test. -> example.test.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as dgram from 'node:dgram';

export const EXAMPLE_ZONE = `$TTL 300
@       IN SOA  ns1.example.test. hostmaster.example.test. 2024010101 3600 600 86400 300
@       IN NS   ns1.example.test.
ns1     IN A    127.0.0.1
@       IN MX   10 mail.example.test.
@       IN MX   20 mail2.example.test.
mail    IN A    192.0.2.25
@       IN TXT  "v=spf1 -all"
txt2    IN TXT  "part one" "part two"
www     IN A    192.0.2.10
www     IN A    192.0.2.11
www     IN AAAA 2001:db8::10
alias   IN CNAME www.example.test.
chain   IN CNAME alias.example.test.
_sip._tcp IN SRV 10 60 5060 sip.example.test.
sip     IN A    192.0.2.50
@       IN CAA  0 issue "letsencrypt.org"
_443._tcp.www IN TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
www     IN SSHFP 4 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
naptr   IN NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp.example.test.
svc     IN HTTPS 1 . alpn="h2,h3" port=8443
_dns    IN SVCB  1 dns.example.test. alpn="dot"
rp      IN RP    admin.example.test. txt2.example.test.
unk     IN TYPE65280 \\# 4 DEADBEEF
*.wild  IN A    192.0.2.99
esc     IN TXT  "say \\"hi\\"" "semi;colon" "tab\\009bin\\200\\255"
xn--bcher-kva IN A 192.0.2.77
hinfo   IN HINFO "PC" "Linux"
uri     IN URI  10 1 "https://example.test/"
afsdb   IN AFSDB 1 afs.example.test.
kx      IN KX   10 kx.example.test.
dname   IN DNAME other.test.
spf     IN SPF  "v=spf1 -all"
eui     IN EUI48 00-00-5e-00-53-2a
eui     IN EUI64 00-00-5e-ef-10-00-00-2a
dhcid   IN DHCID AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=
csync   IN CSYNC 66 3 A NS AAAA
pgp     IN OPENPGPKEY AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QA==
sub     IN NS   ns.sub.example.test.
ns.sub  IN A    127.0.0.1
sub     IN DS   12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
oob     IN NS   ns.elsewhere.invalid.
${Array.from({ length: 20 }, (_, i) => `big IN TXT "record-${i}-${'x'.repeat(76)}"`).join('\n')}
`;

const REVERSE_V4 = `$TTL 300
@   IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300
@   IN NS  ns1.example.test.
10  IN PTR www.example.test.
`;

const REVERSE_V6 = `$TTL 300
@   IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300
@   IN NS  ns1.example.test.
0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 IN PTR www.example.test.
`;

const ROOT_ZONE = `$TTL 300
.            IN SOA a.root.test. hostmaster.test. 1 3600 600 86400 300
.            IN NS  a.root.test.
test.        IN NS  ns.nic.test.
a.root.test. IN A   127.0.0.2
ns.nic.test. IN A   127.0.0.3
`;

const TLD_ZONE = `$TTL 300
test.         IN SOA ns.nic.test. hostmaster.test. 1 3600 600 86400 300
test.         IN NS  ns.nic.test.
ns.nic.test.  IN A   127.0.0.3
example.test. IN NS  ns1.example.test.
ns1.example.test. IN A 127.0.0.4
`;

export function requireTools(...tools: string[]): void {
  for (const tool of tools) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is not installed: the DNS integration tests need BIND (named, dnssec-keygen, dnssec-signzone) and dig (scripts/install-system-deps.sh)`);
    }
  }
}

/** A port free on 127.0.0.1 for both UDP and TCP (a small race remains; named fails loudly). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => {
        const u = dgram.createSocket('udp4');
        u.once('error', () => { s.close(); resolve(false); });
        u.bind(port, '127.0.0.1', () => { u.close(); s.close(() => resolve(true)); });
      });
    });
    if (ok) return port;
  }
}

/** Writes the zones and named.conf into `dir`; `chain` adds the 127.0.0.2-4 views. */
export function writeFixture(dir: string, port: number, chain: boolean): void {
  fs.mkdirSync(dir, { recursive: true });
  const w = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  w('example.test.zone', EXAMPLE_ZONE);
  w('2.0.192.in-addr.arpa.zone', REVERSE_V4);
  w('8.b.d.0.1.0.0.2.ip6.arpa.zone', REVERSE_V6);
  w('root.zone', ROOT_ZONE);
  w('test.zone', TLD_ZONE);
  // DNSSEC-signed copy (offline signing) so DNSKEY/RRSIG/NSEC/NSEC3 can be compared with dig.
  w('signed.test.zone.in', EXAMPLE_ZONE.replace(/example\.test\./g, 'signed.test.'));
  w('nsec3.test.zone.in', EXAMPLE_ZONE.replace(/example\.test\./g, 'nsec3.test.'));
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'pipe' });
  for (const z of ['signed.test', 'nsec3.test']) {
    run('dnssec-keygen', ['-q', '-K', '.', '-a', 'ECDSAP256SHA256', '-f', 'KSK', z]);
    run('dnssec-keygen', ['-q', '-K', '.', '-a', 'ECDSAP256SHA256', z]);
  }
  run('dnssec-signzone', ['-q', '-S', '-K', '.', '-o', 'signed.test', '-f', 'signed.test.zone', 'signed.test.zone.in']);
  run('dnssec-signzone', ['-q', '-S', '-K', '.', '-3', '-', '-H', '0', '-o', 'nsec3.test', '-f', 'nsec3.test.zone', 'nsec3.test.zone.in']);
  const listen = chain ? '127.0.0.1; 127.0.0.2; 127.0.0.3; 127.0.0.4;' : '127.0.0.1;';
  const chainViews = chain ? `
view "root" { match-destinations { 127.0.0.2; }; zone "." { type primary; file "root.zone"; }; };
view "tld"  { match-destinations { 127.0.0.3; }; zone "test" { type primary; file "test.zone"; }; };
view "leaf" { match-destinations { 127.0.0.4; }; zone "example.test" { type primary; file "example.test.zone"; }; };` : '';
  w('named.conf', `options {
  directory "${dir}";
  pid-file "${dir}/named.pid";
  session-keyfile none;
  listen-on port ${port} { ${listen} };
  listen-on-v6 port ${port} { ::1; };
  recursion no;
  dnssec-validation no;
  minimal-responses no;
  edns-udp-size 1232;
  max-udp-size 1232;
  rrset-order { order none; };
};
controls { };
logging { channel c { stderr; severity info; }; category default { c; }; category lame-servers { null; }; };
${chainViews}
view "main" { match-destinations { any; };
  zone "example.test" { type primary; file "example.test.zone"; };
  zone "signed.test"  { type primary; file "signed.test.zone"; };
  zone "nsec3.test"   { type primary; file "nsec3.test.zone"; };
  zone "2.0.192.in-addr.arpa" { type primary; file "2.0.192.in-addr.arpa.zone"; };
  zone "8.b.d.0.1.0.0.2.ip6.arpa" { type primary; file "8.b.d.0.1.0.0.2.ip6.arpa.zone"; };
};
`);
}

export interface RunningNamed {
  port: number;
  dir: string;
  stop: () => Promise<void>;
}

function copyOfNamed(dir: string): string {
  const system = execFileSync('sh', ['-c', 'command -v named'], { encoding: 'utf8' }).trim();
  const copy = path.join(dir, 'named');
  fs.copyFileSync(system, copy);
  fs.chmodSync(copy, 0o755);
  return copy;
}

/** Starts named in the foreground (-g) and waits until it logs "running". */
export async function startNamed(): Promise<RunningNamed> {
  requireTools('named', 'dnssec-keygen', 'dnssec-signzone', 'dig');
  let lastLog = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-lens-named-'));
    writeFixture(dir, port, false);
    // Ubuntu's AppArmor profile for /usr/sbin/named denies reading /tmp; a copy of the
    // binary is not confined by it (the profile attaches by path), so the retry uses one.
    const binary = attempt > 0 && /permission denied/i.test(lastLog) ? copyOfNamed(dir) : 'named';
    const child: ChildProcess = spawn(binary, ['-c', path.join(dir, 'named.conf'), '-g', '-n', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (d) => (log += d));
    const started = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        if (/ running$/m.test(log)) { clearInterval(timer); resolve(true); }
        else if (child.exitCode !== null) { clearInterval(timer); resolve(false); }
      }, 50);
      setTimeout(() => { clearInterval(timer); resolve(false); }, 15000);
    });
    if (started) {
      return {
        port, dir,
        stop: () => new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); });
          child.kill('SIGTERM');
        }),
      };
    }
    lastLog = log;
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  throw new Error(`named did not start:\n${lastLog}`);
}
