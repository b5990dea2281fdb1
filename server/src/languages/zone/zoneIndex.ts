// The loaded zone as the zone-level checks see it, compact: names interned once (id ->
// string), records as rows of typed-array columns (owner id, type code, TTL, line, the
// NS/MX/SRV/CNAME target), and the records at the apex kept whole (SOA, NS, DNSKEY, CDS …
// checks read their fields). Built in the same walk as the record checks; memory is a few
// dozen bytes a record, not the records' objects and tokens. What only a finding or an RRset
// comparison needs (a token's position, the RDATA) is read from the record itself: from the
// caller's records in the editor, or, in the CLI, which keeps none, by reading the record's
// entry again from the text (rereadRecord) — rare next to the million rows that need neither.

import type { Finding, Range } from '../../core/finding';
import { lineRange } from '../../core/finding';
import type { RuleMeta } from '../../core/rules';
import type { Token } from './lexer';
import type { ZoneAst, ZoneRecord } from './model';
import { isAtOrBelow, parentName } from './names';
import { rdataKey, valueKey } from './recordKey';
import { rereadRecord } from './parser';
import { tokenRange } from './ruleKit';
import { targetOf } from './targets';
import { looksMeantAbsolute } from './rules/missing-trailing-dot';

/** Record flags (one octet a row). */
export const GENERATED = 1;
export const IN_ZONE = 2;
export const HAS_TTL_TOKEN = 4;
/** The row has an NS/MX/SRV target (`target` of a CNAME row is its canonical name). */
export const HAS_TARGET = 32;
/** The target (NS/MX/SRV) was written without a trailing dot. */
export const TARGET_RELATIVE = 8;
/** …and looks meant absolute (zone/missing-trailing-dot reports it). */
export const TARGET_MEANT_ABSOLUTE = 16;

/** The target is at or below the apex. */
export const TARGET_IN_ZONE = 64;
/** The row's RDATA hash is in `hash` (computed when an RRset comparison first needs it). */
const HASHED = 128;

/** Per-name type bits (in-zone records only). */
const BIT: Record<string, number> = { A: 1, AAAA: 2, CNAME: 4, NS: 8, DNAME: 16, SOA: 32 };
/** Name bit: the name owns in-zone records of any type. */
const OWNS_RECORDS = 64;

/** Which token of a row a finding points at: the owner (or the type when inherited), the type, the TTL (or the anchor), the NS/MX/SRV target. */
export type RowToken = 'anchor' | 'type' | 'ttl' | 'target';

/** `a`, or a copy with room for `size` (rules keep rows in typed arrays too). */
export function grow<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array>(a: T, size: number, hint = 0): T {
  if (size <= a.length) return a;
  // 1.5x, or straight to the caller's estimate: less slack than doubling at a million rows.
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, Math.floor(a.length * 1.5), hint));
  b.set(a);
  return b;
}

/**
 * 32-bit FNV-1a-style and a second, differently seeded hash: 64 bits compare RDATA within
 * one RRset. Written to hashHigh/hashLow (no array per record) as int32: a uint32 above 2^31
 * would be a heap number in these module variables, one allocation per record.
 */
let hashHigh = 0;
let hashLow = 0;

/** The running pair of hashRecordData (module variables: no object per record). */
let h1 = 0;
let h2 = 0;

/** Two characters at a time into h1/h2 (half the multiplies of one at a time). */
function mixString(s: string): void {
  const n = s.length;
  let a = h1;
  let b = h2;
  let k = 0;
  for (; k + 1 < n; k += 2) {
    const c = s.charCodeAt(k) | (s.charCodeAt(k + 1) << 16);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  h1 = a;
  h2 = b;
  if (k < n) mixUnit(s.charCodeAt(k));
}

/** One unit into h1/h2: an odd string's last character, or a separator (0 between values, 1 between a list's items). */
function mixUnit(c: number): void {
  h1 = Math.imul(h1 ^ c, 0x01000193);
  h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
}

/**
 * A 64-bit hash of the record's RDATA as rdataKey(r) compares it, without building the key:
 * each value's valueKey hashed in turn, separators between (no key made for strings,
 * numbers and lists). Records without values hash their rdataKey.
 */
function hashRecordData(r: ZoneRecord): void {
  const values = r.values;
  h1 = 0x811c9dc5;
  h2 = 0x2545f491;
  if (!values) {
    mixString(rdataKey(r));
  } else {
    for (let i = 0; i < values.length; i++) {
      if (i > 0) mixUnit(0);
      const v = values[i].value;
      if (Array.isArray(v)) {
        for (let k = 0; k < v.length; k++) {
          if (k > 0) mixUnit(1);
          const item = v[k];
          mixString(typeof item === 'string' ? item : valueKey(item));
        }
        continue;
      }
      // Numbers through String(): V8 keeps a cache of small numbers' strings.
      mixString(typeof v === 'string' ? v : typeof v === 'number' ? String(v) : valueKey(v));
    }
  }
  hashHigh = h1;
  hashLow = h2;
}

/**
 * One owner's records grouped by type (types in order of first appearance, records in file
 * order). The walk reuses one view for every owner: a check must not keep it.
 */
export class NodeView {
  owner = 0;
  nameOf?: ZoneIndex;
  /** The owner's canonical name (made on demand: most checks never need it). */
  get name(): string {
    return this.nameOf!.name(this.owner);
  }
  /** Number of distinct types. */
  size = 0;
  /** Number of rows (records). */
  rowCount = 0;
  codes: number[] = [];
  types: string[] = [];
  starts: number[] = [];
  ends: number[] = [];
  /** Row numbers, grouped by type. */
  rows: number[] = [];

  typeIndex(type: string): number {
    for (let i = 0; i < this.size; i++) if (this.types[i] === type) return i;
    return -1;
  }

  has(type: string): boolean {
    return this.typeIndex(type) >= 0;
  }

  /** First row of the owner in file order. */
  firstRow(): number {
    let first = this.rows[this.starts[0]];
    for (let t = 1; t < this.size; t++) first = Math.min(first, this.rows[this.starts[t]]);
    return first;
  }
}

/** Slots of NameTable's cache of recent names. */
const RECENT = 4096;

/**
 * Names -> dense ids, assigned once the walk ends. During the walk each name is only appended
 * to a byte log (its characters and a hash; canonical keys are ASCII, other octets are written
 * as escapes): a sequential write, no lookup in a table of a million names, whose cache misses
 * cost more than everything else a record needs. seal() sorts the log by hash (radix sort,
 * linear) and gives equal names one id. A million distinct owners cost about 40 bytes each
 * here (the names below the apex without the apex: ~25), against ~90 as strings in a Map,
 * and no GC work.
 */
class NameTable {
  /**
   * Entry i is heap[starts[i], starts[i + 1]), followed by suffixes[suffixOf[i]] when that
   * is not 0: appendBelow() writes only the label and its dot, not the origin after it
   * (a byte copy per record saved, and 14-odd bytes of heap).
   */
  private heap = Buffer.allocUnsafe(1 << 16);
  private starts: Int32Array;
  private hashes: Int32Array;
  private suffixOf: Uint8Array;
  /** Suffix 0 is none; at most 255 others (then appendBelow() declines). */
  private readonly suffixes: string[] = [''];
  private readonly suffixBytesOf: Uint8Array[] = [new Uint8Array(0)];
  private readonly suffixIds = new Map<string, number>();
  /** Where name() puts an entry's bytes together (one flat string, no concatenation). */
  private scratch = Buffer.allocUnsafe(512);
  private used = 0;
  /** Entries appended (a name may have several). */
  entries = 0;
  /** Distinct names (ids 0..count-1), known after seal(). */
  count = 0;
  /** Entries with a character above 0xff (not canonical keys; kept as strings). */
  private readonly wide = new Map<number, string>();
  /** After seal(): entry -> id, id -> an entry of it, and the entries sorted by hash (lookups). */
  private idOfEntry = new Int32Array(0);
  private entryOfId = new Int32Array(0);
  private sortedHashes = new Int32Array(0);
  private sortedEntries = new Int32Array(0);

  /** `expected`: about how many names (sized once, not grown twenty times on the way). */
  /**
   * `heapBytes`: about how many characters the names take (the text's length: owners are
   * mostly shorter than their lines). Pages of the heap not written are never resident.
   */
  constructor(expected = 0, heapBytes = 0) {
    this.heap = Buffer.allocUnsafe(Math.min(Math.max(1 << 16, heapBytes), 1 << 30));
    this.starts = new Int32Array(Math.max(1025, expected + 2));
    this.hashes = new Int32Array(Math.max(1024, expected + 1));
    this.suffixOf = new Uint8Array(this.hashes.length);
  }

  /**
   * FNV-1a over the characters from the last to the first: a name below a suffix hashes as
   * the suffix's hash carried on through the label, so appendBelow() hashes only the label.
   */
  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = s.length - 1; i >= 0; i--) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h;
  }

  /** The last suffix appendBelow() was given: its text, id (0: refused) and hash. */
  private suffix = '';
  private suffixId = 0;
  private suffixHash = 0;

  /**
   * The last entry appended per hash slot (entry + 1; 0 = none): a name seen a moment ago
   * (an MX host, a written owner repeated) reuses its entry, checked against the bytes, which
   * are still in the cache. Fewer entries for seal() to sort, less heap.
   */
  private readonly recent = new Int32Array(RECENT);
  /** The hash of each recent entry (compared first, without a read of the big arrays). */
  private readonly recentHash = new Int32Array(RECENT);

  /** Appends a name (or finds it among the recent ones); returns its entry (an id after seal: idOf(entry)). */
  append(name: string): number {
    const n = name.length;
    this.reserve(n);
    // Written past the end while hashed (one pass); kept only when the name is new.
    const heap = this.heap;
    const at = this.used;
    let h = 0x811c9dc5;
    let all = 0;
    for (let k = n - 1; k >= 0; k--) {
      const c = name.charCodeAt(k);
      all |= c;
      heap[at + k] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const slot = (h ^ (h >>> 16)) & (RECENT - 1);
    if (this.recentHash[slot] === h) {
      const seen = this.recent[slot] - 1;
      if (seen >= 0 && this.entryIs(seen, name)) return seen;
    }
    const e = this.addEntry(at + n, h, slot);
    if (all > 0xff) this.wide.set(e, name);
    return e;
  }

  /**
   * append(`${label.toLowerCase()}.${suffix}`) from the parts, or -1 (nothing appended) when
   * `label` is not plain: empty, ending in '.', or with a character other than letters,
   * digits, '-', '_', '*' and '.'; also when the suffix has a character above 0xff, or 255
   * suffixes are taken. The owner key of a big zone is a concatenation V8 would otherwise
   * flatten (copy) on the first read of its characters; the suffix (the origin) is hashed
   * once for all the names below it, and not written again. `suffix` is a canonical key.
   */
  appendBelow(label: string, suffix: string): number {
    const m = label.length;
    if (m === 0 || label.charCodeAt(m - 1) === 46) return -1;
    if (suffix !== this.suffix) this.useSuffix(suffix);
    const sid = this.suffixId;
    if (sid === 0) return -1;
    this.reserve(m + 1);
    const heap = this.heap;
    const at = this.used;
    heap[at + m] = 46;
    let h = Math.imul(this.suffixHash ^ 46, 0x01000193);
    for (let j = m - 1; j >= 0; j--) {
      let c = label.charCodeAt(j);
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 42 || c === 46)) return -1;
      heap[at + j] = c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const slot = (h ^ (h >>> 16)) & (RECENT - 1);
    if (this.recentHash[slot] === h) {
      const seen = this.recent[slot] - 1;
      if (seen >= 0 && this.suffixOf[seen] === sid && this.starts[seen + 1] - this.starts[seen] === m + 1 && heap.compare(heap, at, at + m + 1, this.starts[seen], this.starts[seen + 1]) === 0) return seen;
    }
    const e = this.addEntry(at + m + 1, h, slot);
    this.suffixOf[e] = sid;
    return e;
  }

  /** Makes `suffix` the current one of appendBelow(): its id (0 when refused) and hash. */
  private useSuffix(suffix: string): void {
    this.suffix = suffix;
    this.suffixHash = NameTable.hash(suffix);
    let sid = this.suffixIds.get(suffix);
    if (sid === undefined) {
      const wide = [...suffix].some((ch) => ch.charCodeAt(0) > 0xff);
      sid = wide || this.suffixes.length > 255 ? 0 : this.suffixes.length;
      if (sid > 0) {
        this.suffixes.push(suffix);
        this.suffixBytesOf.push(Uint8Array.from(suffix, (ch) => ch.charCodeAt(0)));
      }
      this.suffixIds.set(suffix, sid);
    }
    this.suffixId = sid;
  }

  /** Room in the heap for `n` more bytes past `used`. */
  private reserve(n: number): void {
    if (this.used + n <= this.heap.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.heap.length * 2, this.used + n));
    this.heap.copy(bigger, 0, 0, this.used);
    this.heap = bigger;
  }

  /** Keeps the bytes just written (up to `end`) as a new entry with hash `h`, the recent one in `slot`. */
  private addEntry(end: number, h: number, slot: number): number {
    const e = this.entries++;
    if (e + 2 > this.starts.length) this.starts = grow(this.starts, e + 2);
    if (e + 1 > this.hashes.length) this.hashes = grow(this.hashes, e + 1);
    if (e + 1 > this.suffixOf.length) this.suffixOf = grow(this.suffixOf, e + 1);
    this.suffixOf[e] = 0;
    this.used = end;
    this.starts[e + 1] = end;
    this.hashes[e] = h;
    this.recent[slot] = e + 1;
    this.recentHash[slot] = h;
    return e;
  }

  private sameEntries(a: number, b: number): boolean {
    if (this.wide.size) {
      const wa = this.wide.get(a);
      const wb = this.wide.get(b);
      if (wa !== undefined || wb !== undefined) return wa === wb;
    }
    // One name written relative and absolute (rare): compared as text.
    if (this.suffixOf[a] !== this.suffixOf[b]) return this.entryName(a) === this.entryName(b);
    const sa = this.starts[a];
    const sb = this.starts[b];
    const len = this.starts[a + 1] - sa;
    if (this.starts[b + 1] - sb !== len) return false;
    const heap = this.heap;
    for (let i = 0; i < len; i++) if (heap[sa + i] !== heap[sb + i]) return false;
    return true;
  }

  private entryIs(e: number, s: string): boolean {
    const start = this.starts[e];
    const len = this.starts[e + 1] - start;
    const suffix = this.suffixes[this.suffixOf[e]];
    if (len + suffix.length !== s.length) return false;
    const wide = this.wide.size ? this.wide.get(e) : undefined;
    if (wide !== undefined) return wide === s;
    const heap = this.heap;
    for (let i = 0; i < len; i++) if (heap[start + i] !== s.charCodeAt(i)) return false;
    return suffix.length === 0 || s.startsWith(suffix, len);
  }

  /** The name an entry holds, as one flat string. */
  /** The name of a log entry (before seal() too). */
  entryName(e: number): string {
    const wide = this.wide.size ? this.wide.get(e) : undefined;
    if (wide !== undefined) return wide;
    const start = this.starts[e];
    const end = this.starts[e + 1];
    const sid = this.suffixOf[e];
    if (sid === 0) return this.heap.toString('latin1', start, end);
    const tail = this.suffixBytesOf[sid];
    const n = end - start + tail.length;
    if (n > this.scratch.length) this.scratch = Buffer.allocUnsafe(n);
    this.heap.copy(this.scratch, 0, start, end);
    this.scratch.set(tail, end - start);
    return this.scratch.toString('latin1', 0, n);
  }

  /**
   * Ends the appends: sorts the entries by hash (LSD radix sort, 16 bits a pass) and numbers
   * the distinct names. Entries of one hash are compared byte by byte (collisions split).
   */
  seal(): void {
    const n = this.entries;
    let keys = new Int32Array(n);
    keys.set(this.hashes.subarray(0, n));
    let order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    let keys2 = new Int32Array(n);
    let order2 = new Int32Array(n);
    const counts = new Int32Array(1 << 16);
    for (let shift = 0; shift < 32; shift += 16) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 0xffff]++;
      let sum = 0;
      for (let b = 0; b < 1 << 16; b++) {
        const c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const k = keys[i];
        const p = counts[(k >>> shift) & 0xffff]++;
        keys2[p] = k;
        order2[p] = order[i];
      }
      [keys, keys2] = [keys2, keys];
      [order, order2] = [order2, order];
    }
    const idOfEntry = new Int32Array(n);
    // At most n ids; trimmed below.
    const entryOfId = new Int32Array(n);
    let ids = 0;
    for (let i = 0; i < n; ) {
      let j = i + 1;
      while (j < n && keys[j] === keys[i]) j++;
      // One hash, [i, j): almost always one name. The run's first id is `firstId`.
      const firstId = ids;
      for (let k = i; k < j; k++) {
        const e = order[k];
        let id = firstId;
        while (id < ids && !this.sameEntries(entryOfId[id], e)) id++;
        if (id === ids) entryOfId[ids++] = e;
        idOfEntry[e] = id;
      }
      i = j;
    }
    this.count = ids;
    this.idOfEntry = idOfEntry;
    this.entryOfId = entryOfId.slice(0, ids);
    this.sortedHashes = keys;
    this.sortedEntries = order;
    this.hashes = new Int32Array(0);
  }

  /** The id of an entry (after seal). */
  idOf(entry: number): number {
    return this.idOfEntry[entry];
  }

  name(id: number): string {
    return this.entryName(this.entryOfId[id]);
  }

  /** The id of a name, or -1 (after seal). */
  get(name: string): number {
    const h = NameTable.hash(name);
    const keys = this.sortedHashes;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] >>> 0) < (h >>> 0)) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < keys.length && keys[k] === h; k++) {
      const e = this.sortedEntries[k];
      if (this.entryIs(e, name)) return this.idOfEntry[e];
    }
    return -1;
  }
}

export class ZoneIndex {
  private readonly table: NameTable;
  private lastOrigin = '';
  private lastOriginEntry = -1;
  private lastOwner = '';
  private lastOwnerEntry = -1;
  private readonly uris: Array<string | undefined> = [undefined];
  private readonly uriIds = new Map<string, number>();
  private readonly typeOf = new Map<number, string>();
  private lastCode = -1;
  /**
   * The owner of the record being visited as `${ownerLabel.toLowerCase()}.${origin}` (the
   * apex), when it was written relative to the apex in plain characters; else undefined.
   * Record visitors read it instead of the owner's characters (see NameTable.appendBelow).
   */
  ownerLabel: string | undefined;

  /**
   * The visited record's owner may have a label starting with '_' (_dmarc, _domainkey):
   * false when it was written relative to the apex without one (its name left unread).
   */
  ownerMayHaveUnderscore(): boolean {
    return this.ownerLabel === undefined || this.ownerLabel.indexOf('_') >= 0 || this.origin.indexOf('_') >= 0;
  }
  /** Some in-zone owner may be a wildcard (`*.…`): false when none is (most zones). */
  mayHaveWildcards = false;
  /** seal() has run: the name columns hold ids. */
  private sealed = false;

  count = 0;
  /**
   * Name columns (owner, target, recordOrigin): name ids once the walk has ended (seal();
   * node and finish visitors). During the walk they hold log entries, which a record
   * visitor must not read.
   */
  owner = new Int32Array(1024);
  code = new Uint16Array(1024);
  ttl = new Uint32Array(1024);
  flags = new Uint8Array(1024);
  file = new Uint16Array(1024);
  line = new Int32Array(1024);
  /** Name id of the origin in force where the record was read. */
  recordOrigin = new Int32Array(1024);
  target = new Int32Array(1024);
  /** Rows to expect (line breaks in the text), so the columns grow once, not twenty times. */
  private readonly expected: number;
  /**
   * RDATA hashes, two int32 a row, for rows flagged HASHED: rows in a run of one owner's
   * records as they are added (their record is at hand), other rows when first compared. The
   * pages of rows never hashed are never touched, so never resident.
   */
  private hash = new Int32Array(2048);
  /** The caller's records by row, when it keeps them (the editor). */
  private readonly held: ZoneRecord[] | undefined;
  /** Else: where each row's entry starts in its file's text (-1: kept in `kept`). */
  private offset = new Int32Array(1024);
  /** Records that cannot be read again from a text ($GENERATE, past paren recoveries). */
  private readonly kept = new Map<number, ZoneRecord>();
  /** The text of each file id (the document's, then each $INCLUDEd one). */
  private readonly texts: Array<string | undefined>;
  /** Entries of ast.includes given a file id so far. */
  private includesSeen = 0;
  /** The record being added and the one before it (still at hand: no reading again). */
  private current: ZoneRecord | undefined;
  private previous: ZoneRecord | undefined;
  /** The last two records read again, and their rows (a finding and its related row). */
  private reread: ZoneRecord | undefined;
  private rereadRow = -1;
  private rereadBefore: ZoneRecord | undefined;
  private rereadRowBefore = -1;

  /** Type bits per name id (in-zone records), made by seal(). */
  private nameBits = new Uint8Array(0);
  /** Records at the apex, whole, by type. */
  private readonly apex = new Map<string, ZoneRecord[]>();
  /** Names below the apex with NS records (delegation points), in file order. */
  readonly delegations = new Set<string>();
  readonly dnames = new Set<string>();
  private firstCname?: Int32Array;

  /** `holdsRecords`: the caller keeps every record it adds until the walk ends (the editor). */
  constructor(
    readonly ast: ZoneAst,
    holdsRecords = true,
  ) {
    this.held = holdsRecords ? [] : undefined;
    this.texts = [ast.text];
    let lines = 1;
    const text = ast.text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    this.expected = lines;
    this.table = new NameTable(lines, text.length);
  }

  /** The apex (canonical key); settled before the first record is added. */
  get origin(): string {
    return this.ast.origin;
  }

  inZone(name: string): boolean {
    return isAtOrBelow(name, this.ast.origin);
  }

  /** Number of name ids (after the walk). */
  get names(): number {
    return this.table.count;
  }

  /** The id of a name, -1 when no record has it (after the walk). */
  idOf(name: string): number {
    return this.table.get(name);
  }

  typeName(row: number): string {
    return this.typeOf.get(this.code[row])!;
  }

  /** The canonical name of an id (made from the name table on each call). */
  name(id: number): string {
    return this.table.name(id);
  }

  ownerName(row: number): string {
    return this.name(this.owner[row]);
  }

  uri(row: number): string | undefined {
    return this.uris[this.file[row]];
  }

  /**
   * The record of a row: the caller's, the one being added, or read again from its file's
   * text (the CLI). Undefined only if the text no longer holds it (it always does).
   */
  recordAt(row: number): ZoneRecord | undefined {
    if (this.held) return this.held[row];
    if (row === this.count - 1 && this.current) return this.current;
    if (row === this.count - 2 && this.previous) return this.previous;
    if (row === this.rereadRow) return this.reread;
    if (row === this.rereadRowBefore) return this.rereadBefore;
    const kept = this.kept.get(row);
    if (kept) return kept;
    // Names are log entries until seal(), ids after it.
    const name = (n: number) => (this.sealed ? this.table.name(n) : this.table.entryName(n));
    const fileId = this.file[row];
    const uri = this.uris[fileId] ?? this.ast.uri;
    this.rereadBefore = this.reread;
    this.rereadRowBefore = this.rereadRow;
    this.reread = rereadRecord(this.texts[fileId]!, this.offset[row], this.line[row], name(this.recordOrigin[row]), name(this.owner[row]), uri, this.ast.uri);
    this.rereadRow = row;
    return this.reread;
  }

  /** Adds a record as a row (and keeps it whole when it is at the apex). Returns the row. */
  add(r: ZoneRecord, offset = -1): number {
    const i = this.count++;
    if (i >= this.owner.length) {
      const n = i + 1;
      const hint = i < this.expected ? this.expected : 0;
      this.owner = grow(this.owner, n, hint);
      this.code = grow(this.code, n, hint);
      this.ttl = grow(this.ttl, n, hint);
      this.flags = grow(this.flags, n, hint);
      this.file = grow(this.file, n, hint);
      this.line = grow(this.line, n, hint);
      this.recordOrigin = grow(this.recordOrigin, n, hint);
      this.target = grow(this.target, n, hint);
      if (!this.held) this.offset = grow(this.offset, n, hint);
      this.hash = grow(this.hash, n * 2, hint * 2);
    }
    this.previous = this.current;
    this.current = r;
    if (this.held) this.held.push(r);
    // A blank owner repeats the previous record's owner string: one log entry for the name's
    // records. A written owner is always appended (seal() merges equal names).
    let owner = this.lastOwnerEntry;
    const origin = this.ast.origin;
    if (r.ownerToken || r.owner !== this.lastOwner || owner < 0) {
      const below = r.ownerToken && r.origin === origin && origin !== '.' ? this.table.appendBelow(r.ownerToken.text, origin) : -1;
      owner = below >= 0 ? below : this.table.append(r.owner);
      this.ownerLabel = below >= 0 ? r.ownerToken!.text : undefined;
      this.lastOwner = r.owner;
      this.lastOwnerEntry = owner;
    }
    this.owner[i] = owner;
    this.code[i] = r.code;
    if (r.code !== this.lastCode) {
      this.lastCode = r.code;
      if (!this.typeOf.has(r.code)) this.typeOf.set(r.code, r.type);
    }
    this.ttl[i] = r.ttl;
    this.line[i] = r.line;
    if (r.origin !== this.lastOrigin || this.lastOriginEntry < 0) {
      this.lastOrigin = r.origin;
      this.lastOriginEntry = this.table.append(r.origin);
    }
    this.recordOrigin[i] = this.lastOriginEntry;
    let fileId = 0;
    if (r.uri) {
      // A file id per $INCLUDE read (a file included again may have changed on disk), made
      // when the parser has added one: a record's file is the latest include of its URI.
      const includes = this.ast.includes;
      for (; this.includesSeen < includes.length; this.includesSeen++) {
        const { uri, text } = includes[this.includesSeen];
        // The same text again keeps its id (ids are 16 bits; one compare per include, not per record).
        const known = this.uriIds.get(uri);
        if (known === undefined || this.texts[known] !== text) this.addFile(uri, text);
      }
      fileId = this.uriIds.get(r.uri) ?? this.addFile(r.uri, undefined);
    }
    this.file[i] = fileId;
    if (!this.held) {
      this.offset[i] = offset;
      if (offset < 0 || this.texts[fileId] === undefined) this.kept.set(i, r);
    }
    let flags = (r.generated ? GENERATED : 0) | (r.ttlToken ? HAS_TTL_TOKEN : 0);
    const atApex = this.ownerLabel === undefined && r.owner === origin;
    const inZone = atApex || this.ownerLabel !== undefined || isAtOrBelow(r.owner, origin);
    if (inZone) {
      flags |= IN_ZONE;
      // Streaming (every record, in file order): only an owner written as '*…', an escape
      // (which may be one) or '@' (the origin may be one) can be a wildcard, and a blank owner
      // repeats one already asked about; the owner's characters are not read otherwise.
      // The caller's records may be a part of the zone (the editor's incremental lint): asked.
      const written = r.ownerToken?.text.charCodeAt(0);
      if (!this.mayHaveWildcards && (this.held || written === 42 || written === 92 || written === 64 || r.generated)) this.mayHaveWildcards = r.owner.startsWith('*.');
    }
    this.target[i] = -1;
    if (r.type === 'CNAME') {
      const v = r.values?.[0];
      if (v && typeof v.value === 'string') {
        const below = v.relative && r.origin !== '.' ? this.table.appendBelow(v.tokens[0].text, r.origin) : -1;
        this.target[i] = below >= 0 ? below : this.table.append(v.value);
      }
    } else {
      // targetOf(r) without its object: NS, MX and SRV by type code.
      const field = r.code === 15 ? 1 : r.code === 2 ? 0 : r.code === 33 ? 3 : -1;
      const v = field >= 0 && r.values ? r.values[field] : undefined;
      if (v && typeof v.value === 'string' && v.value !== '.') {
        const name = v.value;
        const token = v.tokens[0];
        // A relative target is `${text.toLowerCase()}.${origin}` too: read from its parts.
        const below = v.relative && r.origin !== '.' ? this.table.appendBelow(token.text, r.origin) : -1;
        this.target[i] = below >= 0 ? below : this.table.append(name);
        flags |= HAS_TARGET;
        if (v.relative) {
          flags |= TARGET_RELATIVE;
          // A one-label name can only be meant absolute when it is the origin's text (cheap test first).
          const text = token.text;
          if ((text.indexOf('.') >= 0 || text.length === r.origin.length - 1) && looksMeantAbsolute(text, r.origin)) flags |= TARGET_MEANT_ABSOLUTE;
        }
        // Written relative to the apex in plain characters: in the zone, its characters unread.
        if ((below >= 0 && r.origin === origin) || isAtOrBelow(name, origin)) flags |= TARGET_IN_ZONE;
      }
    }
    // A run of one owner's records (blank owners, or the name written again: the same log
    // entry): RRsets of several records are compared, so hash them while they are at hand.
    if (i > 0 && this.owner[i - 1] === owner && this.previous) {
      if (!(this.flags[i - 1] & HASHED)) this.storeHash(i - 1, this.previous);
      this.flags[i] = flags;
      this.storeHash(i, r);
    } else this.flags[i] = flags;
    if (inZone) {
      if (atApex) {
        const list = this.apex.get(r.type);
        if (list) list.push(r);
        else this.apex.set(r.type, [r]);
      }
      if (r.type === 'NS' && !atApex) this.delegations.add(r.owner);
      if (r.type === 'DNAME') this.dnames.add(r.owner);
    }
    return i;
  }

  /**
   * Ends the walk (ZoneChecker.finish): names get their ids, the name columns are rewritten
   * from log entries to ids, and each name's type bits are gathered from its rows.
   */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    const table = this.table;
    table.seal();
    // Type bit by type code: a lookup per row (a zone's types alternate row by row).
    const bitOfCode = new Uint8Array(0x10000);
    for (const [code, type] of this.typeOf) bitOfCode[code] = BIT[type] ?? 0;
    const bits = new Uint8Array(table.count);
    const { owner, recordOrigin, target, flags, code } = this;
    for (let i = 0; i < this.count; i++) {
      const o = table.idOf(owner[i]);
      owner[i] = o;
      recordOrigin[i] = table.idOf(recordOrigin[i]);
      const t = target[i];
      if (t >= 0) target[i] = table.idOf(t);
      if (flags[i] & IN_ZONE) bits[o] |= bitOfCode[code[i]] | OWNS_RECORDS;
    }
    this.nameBits = bits;
  }

  /** A file id for an included file's text (undefined: not known, so its rows are kept whole). */
  private addFile(uri: string, text: string | undefined): number {
    const id = this.uris.length;
    this.uris.push(uri);
    this.texts.push(text);
    this.uriIds.set(uri, id);
    return id;
  }

  private storeHash(row: number, r: ZoneRecord): void {
    hashRecordData(r);
    this.hash[2 * row] = hashHigh;
    this.hash[2 * row + 1] = hashLow;
    this.flags[row] |= HASHED;
  }

  private hashed(row: number): void {
    if (this.flags[row] & HASHED) return;
    const r = this.recordAt(row);
    if (r) this.storeHash(row, r);
  }

  range(row: number, which: RowToken): Range {
    const r = this.recordAt(row);
    if (!r) return lineRange(this.line[row], 0, 0);
    const anchor = r.ownerToken ?? r.typeToken;
    if (which === 'anchor') return tokenRange(anchor);
    if (which === 'type') return tokenRange(r.typeToken);
    if (which === 'ttl') return tokenRange(r.ttlToken ?? anchor);
    return tokenRange(targetOf(r)?.token ?? anchor);
  }

  /** The rows' RDATA are the same (as rdataKey compares them; a 64-bit hash). */
  sameRdata(a: number, b: number): boolean {
    this.hashed(a);
    this.hashed(b);
    return this.hash[2 * a] === this.hash[2 * b] && this.hash[2 * a + 1] === this.hash[2 * b + 1];
  }

  /** A key of the row's RDATA: equal for rows sameRdata() calls the same. */
  rdataKey(row: number): string {
    this.hashed(row);
    return `${this.hash[2 * row]}:${this.hash[2 * row + 1]}`;
  }

  /** The whole records of one type at the apex, in file order. */
  apexRrset(type: string): ZoneRecord[] {
    return this.apex.get(type) ?? [];
  }

  private bits(name: string): number {
    return this.bitsOf(this.table.get(name));
  }

  private bitsOf(id: number): number {
    return id < 0 || id >= this.nameBits.length ? 0 : this.nameBits[id];
  }

  /** In-zone A or AAAA records at the name id. */
  hasAddressId(id: number): boolean {
    return (this.bitsOf(id) & 3) !== 0;
  }

  hasId(id: number, type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'DNAME' | 'SOA'): boolean {
    return (this.bitsOf(id) & BIT[type]) !== 0;
  }

  /** In-zone records of these kinds at the name. */
  has(name: string, type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'DNAME' | 'SOA'): boolean {
    return (this.bits(name) & BIT[type]) !== 0;
  }

  /** The name owns in-zone records (of any type). */
  ownsRecords(name: string): boolean {
    return (this.bits(name) & OWNS_RECORDS) !== 0;
  }

  hasAddress(name: string): boolean {
    return (this.bits(name) & 3) !== 0;
  }

  /** The first in-zone CNAME row owned by the name id, or -1. */
  cnameRow(id: number): number {
    if (id < 0 || !this.hasId(id, 'CNAME')) return -1;
    if (!this.firstCname) {
      this.firstCname = new Int32Array(this.table.count).fill(-1);
      const cname = [...this.typeOf].find(([, t]) => t === 'CNAME')?.[0];
      for (let i = 0; i < this.count; i++) if (this.code[i] === cname && this.flags[i] & IN_ZONE && this.firstCname[this.owner[i]] < 0) this.firstCname[this.owner[i]] = i;
    }
    return id < this.firstCname.length ? this.firstCname[id] : -1;
  }

  /**
   * The closest delegation point or DNAME strictly above `name` (inside the zone), which
   * makes data at `name` occluded; undefined when there is none.
   */
  cutAbove(name: string): { name: string; kind: 'delegation' | 'DNAME' } | undefined {
    if (this.delegations.size === 0 && this.dnames.size === 0) return undefined;
    const origin = this.ast.origin;
    let cur = parentName(name);
    let found: { name: string; kind: 'delegation' | 'DNAME' } | undefined;
    while (cur && cur !== origin && isAtOrBelow(cur, origin)) {
      if (this.delegations.has(cur)) found = { name: cur, kind: 'delegation' };
      else if (this.dnames.has(cur)) found = { name: cur, kind: 'DNAME' };
      cur = parentName(cur);
    }
    if (!found && this.dnames.has(origin) && name !== origin) found = { name: origin, kind: 'DNAME' };
    return found;
  }

  /** A finding at a token of a row. */
  finding(rule: RuleMeta, row: number, which: RowToken, message: string, extra: Partial<Finding> = {}): Finding {
    const uri = this.uri(row);
    return { ruleId: rule.id, range: this.range(row, which), message, ...(uri ? { uri } : {}), ...extra };
  }

  /** Related information pointing at a row's owner (or type). */
  related(row: number, message: string): NonNullable<Finding['related']>[number] {
    const uri = this.uri(row);
    return { ...(uri ? { uri } : {}), range: this.range(row, 'anchor'), message };
  }

  /** "example.com/MX" as named-checkzone names an RRset. */
  rrsetLabel(row: number): string {
    return `${this.ownerName(row).replace(/\.$/, '') || '.'}/${this.typeName(row)}`;
  }

  /**
   * Calls `visit` once per in-zone owner, in order of the owner's first record, with its
   * records grouped by type; owners with a single in-zone record only when `singles`.
   * Linear: a counting sort of the rows by owner id (after seal()).
   */
  forEachNode(singles: boolean, visit: (n: NodeView) => void): void {
    const names = this.table.count;
    const n = this.count;
    const owner = this.owner;
    const flags = this.flags;
    // counts[o + 1]: the owner's in-zone rows, then (prefix sums) where its rows start.
    const counts = new Int32Array(names + 1);
    for (let i = 0; i < n; i++) if (flags[i] & IN_ZONE) counts[owner[i] + 1]++;
    const view = new NodeView();
    view.nameOf = this;
    // Rows of owners with two or more: sorted by owner (file order within one).
    let multi = 0;
    for (let k = 1; k <= names; k++) if (counts[k] > 1) multi += counts[k];
    const start = new Int32Array(names + 1);
    let at = 0;
    for (let k = 0; k < names; k++) {
      start[k] = at;
      if (counts[k + 1] > 1) at += counts[k + 1];
    }
    const sorted = new Int32Array(multi);
    const fill = start.slice();
    // The first row of each owner the walk visits, in file order (all of them with singles).
    const firsts: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!(flags[i] & IN_ZONE)) continue;
      const o = owner[i];
      if (counts[o + 1] > 1) {
        if (fill[o] === start[o]) firsts.push(i);
        sorted[fill[o]++] = i;
      } else if (singles) firsts.push(i);
    }
    const typeCounts: number[] = [];
    for (let f = 0; f < firsts.length; f++) {
      const i = firsts[f];
      const o = owner[i];
      const c = counts[o + 1];
      view.owner = o;
      if (c === 1) {
        view.size = 1;
        view.rowCount = 1;
        view.codes[0] = this.code[i];
        view.types[0] = this.typeName(i);
        view.starts[0] = 0;
        view.ends[0] = 1;
        view.rows.length = 1;
        view.rows[0] = i;
        visit(view);
        continue;
      }
      const s = start[o];
      const e = s + c;
      view.size = 0;
      view.rowCount = c;
      view.rows.length = c;
      // Types in order of appearance; rows of each type in file order.
      for (let k = s; k < e; k++) {
        const code = this.code[sorted[k]];
        let t = 0;
        while (t < view.size && view.codes[t] !== code) t++;
        if (t === view.size) {
          view.codes[t] = code;
          view.types[t] = this.typeName(sorted[k]);
          typeCounts[t] = 0;
          view.size++;
        }
        typeCounts[t]++;
      }
      let from = 0;
      for (let t = 0; t < view.size; t++) {
        view.starts[t] = from;
        view.ends[t] = from;
        from += typeCounts[t];
      }
      for (let k = s; k < e; k++) {
        const code = this.code[sorted[k]];
        let t = 0;
        while (view.codes[t] !== code) t++;
        view.rows[view.ends[t]++] = sorted[k];
      }
      visit(view);
    }
  }
}

/** A finding on a token of a record, carrying the record's file when it was $INCLUDEd. */
export function recordFinding(rule: RuleMeta, record: ZoneRecord, token: Token, message: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: rule.id, range: tokenRange(token), message, ...(record.uri ? { uri: record.uri } : {}), ...extra };
}

/** The token a record-level finding points at: the owner when written, else the type. */
export function ownerOrType(record: ZoneRecord): Token {
  return record.ownerToken ?? record.typeToken;
}

/** "example.com/MX" as named-checkzone names an RRset in its messages. */
export function rrsetLabel(record: ZoneRecord): string {
  return `${record.owner.replace(/\.$/, '') || '.'}/${record.type}`;
}

/** "file.zone:12" style location of a record for related-information messages. */
export function related(record: ZoneRecord, message: string): NonNullable<Finding['related']>[number] {
  return { ...(record.uri ? { uri: record.uri } : {}), range: tokenRange(ownerOrType(record)), message };
}
