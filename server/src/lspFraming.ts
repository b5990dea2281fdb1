// Re-frames the stdio byte stream before vscode-jsonrpc reads it. Its reader, after one
// malformed header (no Content-Length, a line without ':'), takes the next message's body
// for the following header and never finds its footing again: the server stays alive but
// deaf. Here a bad header is dropped up to the next "Content-Length:" and reported; well
// formed frames pass through unchanged. Imports nothing of LSP.

import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_HEADER = Buffer.from('Content-Length:');
/** A header block longer than this is garbage, not a header. */
const MAX_HEADER_BYTES = 8192;

export class FrameGuard extends Transform {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Body length of the frame being collected, once its header was read. */
  private bodyLength = -1;
  /** Frames dropped for a bad header, for the log. */
  dropped = 0;

  constructor(private readonly onBadFrame: (message: string) => void = () => {}) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    try {
      this.drain();
    } catch (e) {
      this.onBadFrame(`framing: ${(e as Error).message}`);
    }
    done();
  }

  private takeBytes(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
    const head = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.size = rest.length;
    return head;
  }

  private peekBytes(limit: number): Buffer {
    if (this.chunks.length > 1 && this.chunks[0].length < limit) {
      const joined = Buffer.concat(this.chunks, this.size);
      this.chunks = [joined];
    }
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private drain(): void {
    while (this.size > 0) {
      if (this.bodyLength >= 0) {
        // Collect without re-copying until the whole body is here (50 MB documents).
        if (this.size < this.bodyLength) return;
        const body = this.takeBytes(this.bodyLength);
        this.push(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
        this.bodyLength = -1;
        continue;
      }
      const head = this.peekBytes(MAX_HEADER_BYTES);
      const end = head.indexOf(HEADER_END);
      if (end < 0) {
        if (head.length > MAX_HEADER_BYTES) this.resync(head, 'a header block with no end');
        return;
      }
      const length = parseHeader(head.subarray(0, end).toString('ascii'));
      if (length === undefined) {
        this.resync(head, `a malformed header ${JSON.stringify(head.subarray(0, Math.min(end, 80)).toString('ascii'))}`);
        continue;
      }
      this.takeBytes(end + HEADER_END.length);
      this.bodyLength = length;
    }
  }

  /** Drops everything before the next "Content-Length:" after the start. */
  private resync(head: Buffer, what: string): void {
    this.dropped++;
    const next = head.indexOf(LENGTH_HEADER, 1);
    const drop = next < 0 ? Math.max(1, head.length - LENGTH_HEADER.length) : next;
    this.takeBytes(drop);
    this.onBadFrame(`dropped ${drop} bytes of ${what}`);
  }
}

/** The Content-Length of a well-formed header block, else undefined. */
function parseHeader(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length') {
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,10}$/.test(value)) return undefined;
      length = Number(value);
    }
  }
  return length;
}
