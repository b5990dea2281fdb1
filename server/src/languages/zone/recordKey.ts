// A comparable form of a record's RDATA, for duplicate and singleton checks: names are
// canonical keys and numbers are numbers, so "10 mail" and "010 mail.example.com." match.

import type { ZoneRecord } from './model';

export function valueKey(v: unknown): string {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (Array.isArray(v)) return v.map(valueKey).join('\u0001');
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function rdataKey(r: ZoneRecord): string {
  if (r.values) {
    // Built directly (no intermediate arrays): every record of a big zone goes through here.
    const values = r.values;
    let key = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i].value;
      const k = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : valueKey(v);
      key = i === 0 ? k : `${key}\u0000${k}`;
    }
    return key;
  }
  if (r.wire) return `#${Buffer.from(r.wire).toString('hex')}`;
  return r.rdata.map((t) => t.text).join(' ');
}
