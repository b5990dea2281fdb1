// The one walk of the zone-level checks: every record goes once into the compact index and
// through each check's `record` visitor, then each in-zone owner once through the `node`
// visitors, then `finish`. Records can come from a finished parse (the editor) or one at a
// time while the parser reads (the CLI), so a huge zone is never held as records.
// The walk also contains the checks: a check's first throw becomes one zone/internal-error
// finding and ends that check alone (try/catch around each call costs nothing until it
// throws; no wrapper closure per check and record).

import type { Finding } from '../../core/finding';
import { checkName, internalErrorFinding } from '../../core/internalError';
import { AnalysisCancelled } from '../../core/languageService';
import type { ZoneAst, ZoneRecord } from './model';
import { settleApex } from './parser';
import type { ZoneCheck } from './ruleKit';
import { NodeView, ZoneIndex } from './zoneIndex';

/** One check of a walk: its visitors, its findings, and whether it has thrown. */
interface Slot {
  check: ZoneCheck;
  out: Finding[];
  failed: boolean;
  factory: () => ZoneCheck;
  index: number;
}

export class ZoneChecker {
  readonly index: ZoneIndex;
  private readonly slots: Slot[];
  private readonly recordSlots: Slot[];
  /** Type code -> the record visitors that look at that type, in check order (made on first use; an array: a Map lookup per record cost more). */
  private readonly recordSlotsByCode: Array<Slot[] | undefined> = [];
  private lastCode = -1;
  private lastSlots: Slot[] = [];
  /** Records read before the apex is known (the first SOA may rename it): held, then walked. */
  private pending: ZoneRecord[] | undefined;
  private pendingOffsets: number[] = [];

  /** `settled`: the AST's apex is final (a finished parse); else it settles at the first SOA. */
  constructor(private readonly ast: ZoneAst, factories: Array<() => ZoneCheck>, settled: boolean) {
    // A settled AST is a finished parse: its records outlive the walk, so the index holds them.
    this.index = new ZoneIndex(ast, settled);
    this.slots = factories.map((factory, index) => {
      const slot: Slot = { check: {}, out: [], failed: false, factory, index };
      try {
        slot.check = factory();
      } catch (error) {
        this.fail(slot, error);
      }
      return slot;
    });
    this.recordSlots = this.slots.filter((s) => !s.failed && s.check.record);
    if (!settled) this.pending = [];
  }

  private fail(slot: Slot, error: unknown): void {
    slot.failed = true;
    slot.out.push(internalErrorFinding('zone', checkName(slot.factory, slot.index), error));
  }

  /**
   * `offset`: where the record's entry starts in its file's text (parseZone's onRecord), for
   * an index that keeps no records (not settled); -1 when it cannot be read there again.
   */
  add(r: ZoneRecord, offset = -1): void {
    if (this.pending) {
      this.pending.push(r);
      this.pendingOffsets.push(offset);
      if (r.type === 'SOA') this.release(r);
      return;
    }
    this.visit(r, offset);
  }

  private release(soa: ZoneRecord | undefined): void {
    settleApex(this.ast, soa);
    const held = this.pending!;
    const offsets = this.pendingOffsets;
    this.pending = undefined;
    this.pendingOffsets = [];
    for (let i = 0; i < held.length; i++) this.visit(held[i], offsets[i]);
  }

  private visit(r: ZoneRecord, offset: number): void {
    const row = this.index.add(r, offset);
    let slots = this.lastSlots;
    if (r.code !== this.lastCode) {
      const known = this.recordSlotsByCode[r.code];
      if (known) slots = known;
      else {
        slots = this.recordSlots.filter((s) => !s.check.types || s.check.types.includes(r.type));
        this.recordSlotsByCode[r.code] = slots;
      }
      this.lastCode = r.code;
      this.lastSlots = slots;
    }
    const z = this.index;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (s.failed) continue;
      try {
        s.check.record!(r, row, z, s.out);
      } catch (error) {
        this.fail(s, error);
      }
    }
  }

  /**
   * Ends the walk; the checks' findings in check order. `isCancelled` is asked every
   * `checkEvery` owners of the node walk; true throws AnalysisCancelled.
   */
  finish(isCancelled?: () => boolean, checkEvery = 2048): Finding[] {
    if (this.pending) this.release(undefined);
    const z = this.index;
    z.seal();
    const nodeSlots = this.slots.filter((s) => !s.failed && s.check.node);
    if (nodeSlots.length) {
      // Owners with one record only when a check asks for them (no node check reports on
      // a lone record otherwise): a big zone's owners mostly are such.
      let singles = false;
      for (const s of nodeSlots) if (s.check.singleRecordNodes) try { if (s.check.singleRecordNodes()) singles = true; } catch (error) { this.fail(s, error); }
      let nodes = 0;
      z.forEachNode(singles, (n: NodeView) => {
        if (isCancelled && ++nodes % checkEvery === 0 && isCancelled()) throw new AnalysisCancelled();
        for (let i = 0; i < nodeSlots.length; i++) {
          const s = nodeSlots[i];
          if (s.failed || (n.rowCount === 1 && !s.check.singleRecordNodes)) continue;
          try {
            s.check.node!(n, z, s.out);
          } catch (error) {
            this.fail(s, error);
          }
        }
      });
    }
    for (const s of this.slots) {
      if (s.failed || !s.check.finish) continue;
      try {
        s.check.finish(z, s.out);
      } catch (error) {
        this.fail(s, error);
      }
    }
    const all: Finding[] = [];
    // No push(...list): a million findings would overflow the call stack.
    for (const s of this.slots) for (const f of s.out) all.push(f);
    return all;
  }
}
