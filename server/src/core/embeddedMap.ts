// The offset map of an embedded region: which host-document offsets each character of the
// region's text came from. A region's text is the value a YAML scalar decodes to (block
// scalar indentation removed, escapes decoded, lines folded), so the two texts differ; the
// map is a list of pieces, each either copied verbatim from the host or decoded from a
// stretch of it (an escape, a line break with the next line's indentation, a substitution).

export interface MapPiece {
  /** Start of the piece in the region text. */
  textStart: number;
  textEnd: number;
  /** The host offsets the piece was read from. */
  hostStart: number;
  hostEnd: number;
  /** Copied character for character (textEnd - textStart === hostEnd - hostStart). */
  verbatim: boolean;
}

export class OffsetMap {
  constructor(
    readonly pieces: MapPiece[],
    /** Host offset of the region's end (where an insertion after the last character goes). */
    readonly hostEnd: number,
  ) {}

  /** Host offset of a region offset; inside a decoded piece, its start (or its end past the first character). */
  toHost(offset: number): number {
    const ps = this.pieces;
    if (!ps.length) return this.hostEnd;
    if (offset <= 0) return ps[0].hostStart;
    const p = this.pieceAtText(offset);
    if (!p) return ps[ps.length - 1].hostEnd;
    if (p.verbatim) return p.hostStart + (offset - p.textStart);
    return offset === p.textStart ? p.hostStart : p.hostEnd;
  }

  /**
   * Region offset of a host offset, or undefined outside the region. Host text that decodes
   * to nothing (block-scalar indentation) maps to the next character that is read.
   */
  fromHost(hostOffset: number): number | undefined {
    const ps = this.pieces;
    if (!ps.length || hostOffset < ps[0].hostStart || hostOffset > this.hostEnd) return undefined;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid].hostStart <= hostOffset) lo = mid;
      else hi = mid - 1;
    }
    const p = ps[lo];
    if (hostOffset < p.hostEnd) return p.verbatim ? p.textStart + (hostOffset - p.hostStart) : p.textStart;
    return p.textEnd;
  }

  /** True when the region's text [start, end) was copied verbatim from one stretch of the host. */
  isVerbatim(start: number, end: number): boolean {
    const p = this.pieceAtText(start);
    return !!p && p.verbatim && end <= p.textEnd;
  }

  /** True when an edit may start or end at this region offset (not inside a decoded escape). */
  isBoundary(offset: number): boolean {
    const p = this.pieceAtText(offset);
    return !p || p.verbatim || offset === p.textStart;
  }

  /** The piece holding region offset `offset` (textStart <= offset < textEnd). */
  private pieceAtText(offset: number): MapPiece | undefined {
    const ps = this.pieces;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid].textStart <= offset) lo = mid;
      else hi = mid - 1;
    }
    const p = ps[lo];
    return p && p.textStart <= offset && offset < p.textEnd ? p : undefined;
  }
}

/** Builds a region's text and its map piece by piece, in host order. */
export class RegionBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly pieces: MapPiece[] = [];

  constructor(private readonly host: string) {}

  /** Host text [start, end) read as is. */
  verbatim(start: number, end: number): void {
    if (end <= start) return;
    const last = this.pieces[this.pieces.length - 1];
    this.parts.push(this.host.slice(start, end));
    if (last && last.verbatim && last.hostEnd === start) {
      last.textEnd += end - start;
      last.hostEnd = end;
    } else this.pieces.push({ textStart: this.length, textEnd: this.length + end - start, hostStart: start, hostEnd: end, verbatim: true });
    this.length += end - start;
  }

  /** Host text [start, end) read as `value` (an escape, a folded line break). */
  decoded(value: string, start: number, end: number): void {
    if (value === '') return;
    this.parts.push(value);
    this.pieces.push({ textStart: this.length, textEnd: this.length + value.length, hostStart: start, hostEnd: end, verbatim: false });
    this.length += value.length;
  }

  get textLength(): number {
    return this.length;
  }

  /** Drops everything from region offset `at` on (chomping trailing line breaks). */
  truncate(at: number): void {
    while (this.pieces.length && this.pieces[this.pieces.length - 1].textStart >= at) this.pieces.pop();
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.textEnd > at) {
      last.textEnd = at;
      if (last.verbatim) last.hostEnd = last.hostStart + (at - last.textStart);
    }
    const text = this.parts.join('').slice(0, at);
    this.parts = [text];
    this.length = at;
  }

  finish(hostEnd: number): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: new OffsetMap(this.pieces, hostEnd) };
  }
}

/**
 * The region text with stretches of it replaced (a template placeholder by a sample value);
 * each replacement maps to the host text of the stretch it replaces, the rest keeps its map.
 */
export function replaceInRegion(text: string, map: OffsetMap, replacements: Array<{ start: number; end: number; value: string }>): { text: string; map: OffsetMap } {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  const pieces: MapPiece[] = [];
  const parts: string[] = [];
  let length = 0;
  const copy = (a: number, b: number) => {
    for (const p of map.pieces) {
      const s = Math.max(a, p.textStart);
      const e = Math.min(b, p.textEnd);
      if (s >= e) continue;
      if (p.verbatim) pieces.push({ textStart: length, textEnd: length + e - s, hostStart: p.hostStart + (s - p.textStart), hostEnd: p.hostStart + (e - p.textStart), verbatim: true });
      else pieces.push({ textStart: length, textEnd: length + e - s, hostStart: p.hostStart, hostEnd: p.hostEnd, verbatim: false });
      parts.push(text.slice(s, e));
      length += e - s;
    }
  };
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) continue;
    copy(at, r.start);
    if (r.value) {
      pieces.push({ textStart: length, textEnd: length + r.value.length, hostStart: map.toHost(r.start), hostEnd: map.toHost(r.end), verbatim: false });
      parts.push(r.value);
      length += r.value.length;
    }
    at = r.end;
  }
  copy(at, text.length);
  return { text: parts.join(''), map: new OffsetMap(pieces, map.hostEnd) };
}
