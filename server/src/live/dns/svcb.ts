// SVCB/HTTPS rdata (RFC 9460), which dns-packet cannot decode: SvcPriority, TargetName,
// then SvcParams as key/length/value. Presented as BIND 9.18's dig prints them.

import { isIPv6 } from 'node:net';
import { formatName, readWireName } from './names';
import { presentIPv6 } from './rdata';

const KEY_NAMES = ['mandatory', 'alpn', 'no-default-alpn', 'port', 'ipv4hint', 'ech', 'ipv6hint', 'dohpath', 'ohttp'];

function keyName(key: number): string {
  return KEY_NAMES[key] ?? `key${key}`;
}

/** `rdata` is the record's bytes; names inside are never compressed (RFC 9460 §2.2). */
export function presentSvcb(rdata: Buffer): string {
  if (rdata.length < 3) throw new Error('SVCB rdata shorter than 3 bytes');
  const priority = rdata.readUInt16BE(0);
  const target = readWireName(rdata, 2);
  const parts = [String(priority), formatName(target.labels)];
  let pos = target.end;
  let lastKey = -1;
  while (pos < rdata.length) {
    if (pos + 4 > rdata.length) throw new Error('SvcParam header runs past the rdata');
    const key = rdata.readUInt16BE(pos);
    const len = rdata.readUInt16BE(pos + 2);
    pos += 4;
    if (pos + len > rdata.length) throw new Error(`SvcParam ${keyName(key)} runs past the rdata`);
    if (key <= lastKey) throw new Error('SvcParam keys are not in increasing order');
    lastKey = key;
    parts.push(presentParam(key, rdata.subarray(pos, pos + len)));
    pos += len;
  }
  return parts.join(' ');
}

function presentParam(key: number, value: Buffer): string {
  const name = keyName(key);
  switch (key) {
    case 0: {
      if (value.length % 2) throw new Error('mandatory list has an odd length');
      const keys: string[] = [];
      for (let i = 0; i < value.length; i += 2) keys.push(keyName(value.readUInt16BE(i)));
      return `${name}=${keys.join(',')}`;
    }
    case 1: {
      const ids: string[] = [];
      for (let i = 0; i < value.length; ) {
        const len = value[i];
        if (i + 1 + len > value.length) throw new Error('alpn id runs past the value');
        ids.push(escapeText(value.subarray(i + 1, i + 1 + len)).replace(/,/g, '\\\\,'));
        i += 1 + len;
      }
      return `${name}="${ids.join(',')}"`;
    }
    case 2:
      if (value.length) throw new Error('no-default-alpn has a value');
      return name;
    case 3:
      if (value.length !== 2) throw new Error('port is not 2 bytes');
      return `${name}=${value.readUInt16BE(0)}`;
    case 4: {
      if (value.length === 0 || value.length % 4) throw new Error('ipv4hint length is not a multiple of 4');
      const addrs: string[] = [];
      for (let i = 0; i < value.length; i += 4) addrs.push(Array.from(value.subarray(i, i + 4)).join('.'));
      return `${name}=${addrs.join(',')}`;
    }
    case 5:
      return `${name}=${value.toString('base64')}`;
    case 6: {
      if (value.length === 0 || value.length % 16) throw new Error('ipv6hint length is not a multiple of 16');
      const addrs: string[] = [];
      for (let i = 0; i < value.length; i += 16) addrs.push(presentIPv6(value.subarray(i, i + 16)));
      if (!addrs.every((a) => isIPv6(a))) throw new Error('bad ipv6hint');
      return `${name}=${addrs.join(',')}`;
    }
    default:
      return value.length ? `${name}="${escapeText(value)}"` : name;
  }
}

function escapeText(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += '\\' + String.fromCharCode(b);
    else if (b < 0x20 || b > 0x7e) out += '\\' + String(b).padStart(3, '0');
    else out += String.fromCharCode(b);
  }
  return out;
}
