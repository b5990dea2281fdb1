// zone/cds-consistency: CDS and CDNSKEY records (RFC 7344) must describe a DNSKEY that is
// in the zone: a CDS's key tag, algorithm and digest must match one, a CDNSKEY must equal
// one; the "delete" forms are exactly `CDS 0 0 0 00` and `CDNSKEY 0 3 0 AA==` (RFC 8078
// §4). named-checkzone: "CDS/CDNSKEY consistency checks failed", zone not loaded; a parent
// that polls CDS would otherwise install a DS that breaks the delegation.

import type { Finding } from '../../../core/finding';
import type { ZoneRecord } from '../model';
import { splitLabels } from '../names';
import { type ZoneCheck, zoneRule } from '../ruleKit';
import { recordFinding, type ZoneIndex } from '../zoneIndex';

export const cdsConsistency = zoneRule('cds-consistency', 'error', 'CDS/CDNSKEY algorithm without a DNSKEY, or a bad delete record');
export const cdsDigest = zoneRule('cds-digest', 'warning', 'CDS/CDNSKEY describes no DNSKEY of the zone');

const DIGESTS: Record<number, string> = { 1: 'sha1', 2: 'sha256', 4: 'sha384' };

function keyWire(r: ZoneRecord): Buffer {
  const [flags, protocol, algorithm, key] = r.values!.map((v) => v.value);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(flags as number, 0);
  head.writeUInt8(protocol as number, 2);
  head.writeUInt8(algorithm as number, 3);
  return Buffer.concat([head, Buffer.from(key as Uint8Array)]);
}

/** RFC 4034 Appendix B key tag. */
export function keyTag(wire: Buffer): number {
  let ac = 0;
  for (let i = 0; i < wire.length; i++) ac += i & 1 ? wire[i] : wire[i] << 8;
  ac += (ac >> 16) & 0xffff;
  return ac & 0xffff;
}

/** Canonical wire form of an owner without escapes (undefined when it has escapes). */
function nameWire(key: string): Buffer | undefined {
  if (key.includes('\\')) return undefined;
  const parts = splitLabels(key).map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'latin1')]));
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** node:crypto, loaded the first time a zone has a CDS: most zones have none, and loading it was ~4 ms of every lint. */
let crypto: typeof import('node:crypto') | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const digestOf = (hash: string, data: Buffer) => (crypto ??= require('node:crypto') as typeof import('node:crypto')).createHash(hash).update(data).digest();

/** A CDS matches a DNSKEY: same key tag and algorithm, and the digest of owner + key. */
function cdsMatches(values: unknown[], keys: Array<{ wire: Buffer; alg: number }>, owner: Buffer | undefined): boolean {
  const [tag, alg, type, digest] = values as [number, number, number, Uint8Array];
  const hash = DIGESTS[type];
  return keys.some((k) => k.alg === alg && keyTag(k.wire) === tag && (!hash || !owner || digestOf(hash, Buffer.concat([owner, k.wire])).equals(Buffer.from(digest))));
}

/**
 * BIND 9.18's rule (dns_zone_cdscheck): every algorithm that appears in the CDS (CDNSKEY)
 * set must be the algorithm of a DNSKEY in the zone; a delete record stands alone. (A CDS
 * whose digest matches no DNSKEY is zone/cds-digest's: BIND 9.18 does not check it.)
 */
export function checkCdsConsistency(): ZoneCheck {
  return {
    finish(z, out) {
      for (const f of findCdsConsistency(z)) out.push(f);
    },
  };
}

function findCdsConsistency(z: ZoneIndex): Finding[] {
  const out: Finding[] = [];
  const keys = z.apexRrset('DNSKEY').filter((r) => r.values).map((r) => ({ wire: keyWire(r), alg: r.values![2].value as number }));
  const owner = nameWire(z.origin);
  const check = (type: 'CDS' | 'CDNSKEY', isDelete: (r: ZoneRecord) => boolean, matches: (r: ZoneRecord) => boolean, algOf: (r: ZoneRecord) => number) => {
    const set = z.apexRrset(type).filter((r) => r.values);
    const deletes = set.filter(isDelete);
    if (deletes.length && deletes.length < set.length) {
      out.push(recordFinding(cdsConsistency, deletes[0], deletes[0].typeToken, `A ${type} "delete" record must be the only ${type} record (RFC 8078 §4): CDS/CDNSKEY consistency checks failed`));
    }
    const byAlg = new Map<number, ZoneRecord[]>();
    for (const r of set) if (!isDelete(r)) byAlg.set(algOf(r), [...(byAlg.get(algOf(r)) ?? []), r]);
    for (const [alg, list] of byAlg) {
      if (list.some(matches)) continue;
      const why = alg === 0 ? `a "delete" record must be exactly ${type === 'CDS' ? 'CDS 0 0 0 00' : 'CDNSKEY 0 3 0 AA=='} (RFC 8078 §4)` : `the zone has no DNSKEY with algorithm ${alg}`;
      out.push(recordFinding(cdsConsistency, list[0], list[0].values![0].tokens[0], `${type}: ${why}: CDS/CDNSKEY consistency checks failed`));
    }
  };
  check(
    'CDS',
    (r) => {
      const [tag, alg, type, digest] = r.values!.map((v) => v.value) as [number, number, number, Uint8Array];
      return tag === 0 && alg === 0 && type === 0 && digest.length === 1 && digest[0] === 0;
    },
    (r) => keys.some((k) => k.alg === (r.values![1].value as number)),
    (r) => r.values![1].value as number,
  );
  check(
    'CDNSKEY',
    (r) => {
      const wire = keyWire(r);
      return wire.length === 5 && wire.readUInt16BE(0) === 0 && wire[2] === 3 && wire[3] === 0 && wire[4] === 0;
    },
    (r) => keys.some((k) => k.alg === (r.values![2].value as number)),
    (r) => r.values![2].value as number,
  );
  for (const r of z.apexRrset('CDS')) {
    const v = r.values?.map((x) => x.value) as [number, number, number, Uint8Array] | undefined;
    if (!v || v[1] === 0 || !keys.some((k) => k.alg === v[1]) || cdsMatches(v, keys, owner)) continue;
    out.push(recordFinding(cdsDigest, r, r.values![0].tokens[0], `CDS ${v[0]} ${v[1]} ${v[2]} matches no DNSKEY of the zone (key tag or digest differs): a parent that installs it as DS breaks the delegation`));
  }
  for (const r of z.apexRrset('CDNSKEY')) {
    if (!r.values || r.values[2].value === 0 || !keys.some((k) => k.alg === r.values![2].value) || keys.some((k) => k.wire.equals(keyWire(r)))) continue;
    out.push(recordFinding(cdsDigest, r, r.values[0].tokens[0], `CDNSKEY (key tag ${keyTag(keyWire(r))}) is not one of the zone's DNSKEYs: a parent that builds a DS from it breaks the delegation`));
  }
  return out;
}
