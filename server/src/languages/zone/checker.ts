// The one walk of the zone-level checks: every record goes once into the compact index and
// through each check's `record` visitor, then each in-zone owner once through the `node`
// visitors, then `finish`. Records can come from a finished parse (the editor) or one at a
// time while the parser reads (the CLI), so a huge zone is never held as records.

import type { Finding } from '../../core/finding';
import { AnalysisCancelled } from '../../core/languageService';
import type { ZoneAst, ZoneRecord } from './model';
import { settleApex } from './parser';
import type { ZoneCheck } from './ruleKit';
import { ZoneIndex } from './zoneIndex';

export class ZoneChecker {
  readonly index: ZoneIndex;
  private readonly checks: ZoneCheck[];
  private readonly outs: Finding[][];
  private readonly recordChecks: Array<[ZoneCheck, Finding[]]>;
  /** Type code -> the record visitors that look at that type, in check order (made on first use). */
  private readonly recordChecksByCode = new Map<number, Array<[ZoneCheck, Finding[]]>>();
  /** Records read before the apex is known (the first SOA may rename it): held, then walked. */
  private pending: ZoneRecord[] | undefined;

  /** `settled`: the AST's apex is final (a finished parse); else it settles at the first SOA. */
  constructor(private readonly ast: ZoneAst, factories: Array<() => ZoneCheck>, settled: boolean) {
    this.index = new ZoneIndex(ast);
    this.checks = factories.map((f) => f());
    this.outs = this.checks.map(() => []);
    this.recordChecks = [];
    this.checks.forEach((c, i) => {
      if (c.record) this.recordChecks.push([c, this.outs[i]]);
    });
    if (!settled) this.pending = [];
  }

  add(r: ZoneRecord): void {
    if (this.pending) {
      this.pending.push(r);
      if (r.type === 'SOA') this.release(r);
      return;
    }
    this.visit(r);
  }

  private release(soa: ZoneRecord | undefined): void {
    settleApex(this.ast, soa);
    const held = this.pending!;
    this.pending = undefined;
    for (const r of held) this.visit(r);
  }

  private visit(r: ZoneRecord): void {
    const row = this.index.add(r);
    let checks = this.recordChecksByCode.get(r.code);
    if (!checks) {
      checks = this.recordChecks.filter(([c]) => !c.types || c.types.includes(r.type));
      this.recordChecksByCode.set(r.code, checks);
    }
    for (let i = 0; i < checks.length; i++) checks[i][0].record!(r, row, this.index, checks[i][1]);
  }

  /**
   * Ends the walk; the checks' findings in check order. `isCancelled` is asked every
   * `checkEvery` owners of the node walk; true throws AnalysisCancelled.
   */
  finish(isCancelled?: () => boolean, checkEvery = 2048): Finding[] {
    if (this.pending) this.release(undefined);
    const z = this.index;
    const nodeChecks = this.checks.map((c, i) => [c, this.outs[i]] as const).filter(([c]) => c.node);
    let nodes = 0;
    if (nodeChecks.length) z.forEachNode((n) => {
      if (isCancelled && ++nodes % checkEvery === 0 && isCancelled()) throw new AnalysisCancelled();
      for (const [c, out] of nodeChecks) c.node!(n, z, out);
    });
    this.checks.forEach((c, i) => c.finish?.(z, this.outs[i]));
    const all: Finding[] = [];
    // No push(...list): a million findings would overflow the call stack.
    for (const out of this.outs) for (const f of out) all.push(f);
    return all;
  }
}
