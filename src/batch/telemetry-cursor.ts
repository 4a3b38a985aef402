import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Issue } from '../core/index.js';
import { type TelemetryEvent, telemetryEventSchema } from './telemetry-schema.js';

/** Most bytes one read takes (a cursor catches up on a big file over several reads). */
const CHUNK = 4 * 1024 * 1024;
/** A "line" longer than this without a newline is not telemetry: it is reported and dropped. */
const MAX_LINE = 1024 * 1024;

/** What one read of a cursor found. */
export interface TelemetryRead {
  /** New valid events, in file order. */
  events: TelemetryEvent[];
  /** New bad lines (complete lines that are not JSON or not an event), with file and line. */
  issues: Issue[];
  /** The file was truncated or replaced since the last read: the cursor started over. */
  restarted: boolean;
}

/**
 * Reads a telemetry JSONL file incrementally while a batch appends to it: each `read()` returns the
 * events of the complete lines written since the previous one. A half-written last line stays pending
 * until its newline arrives; a complete line that is not a valid event becomes an issue naming the file
 * and its 1-based line number. A missing file reads as empty; a shrunken one starts over.
 */
export class TelemetryCursor {
  private offset = 0;
  private line = 0;
  private pending: Buffer = Buffer.alloc(0);

  constructor(readonly file: string) {}

  read(): TelemetryRead {
    const out: TelemetryRead = { events: [], issues: [], restarted: false };
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return out; // not written yet
    }
    try {
      let size = fstatSync(fd).size;
      if (size < this.offset) {
        this.offset = 0;
        this.line = 0;
        this.pending = Buffer.alloc(0);
        out.restarted = true;
      }
      while (size > this.offset) {
        const buf = Buffer.alloc(Math.min(size - this.offset, CHUNK));
        const n = readSync(fd, buf, 0, buf.length, this.offset);
        if (n === 0) break;
        this.offset += n;
        this.consume(buf.subarray(0, n), out);
        if (n < buf.length) size = this.offset;
      }
    } finally {
      closeSync(fd);
    }
    return out;
  }

  /** Inside an over-long line already reported: its rest, up to its newline, is dropped. */
  private skipping = false;

  private consume(chunk: Buffer, out: TelemetryRead): void {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl >= 0; nl = data.indexOf(0x0a, start)) {
      if (this.skipping) this.skipping = false;
      else {
        this.line++;
        this.parse(data.subarray(start, nl).toString('utf8'), out);
      }
      start = nl + 1;
    }
    this.pending = this.skipping ? Buffer.alloc(0) : Buffer.from(data.subarray(start));
    if (this.pending.length > MAX_LINE) {
      this.line++;
      this.report(out, `a line longer than ${MAX_LINE} bytes`);
      this.pending = Buffer.alloc(0);
      this.skipping = true;
    }
  }

  private parse(text: string, out: TelemetryRead): void {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.report(out, 'not JSON (a torn or hand-edited line)', text);
      return;
    }
    const r = telemetryEventSchema.safeParse(value);
    if (r.success) {
      out.events.push(r.data);
      return;
    }
    const first = r.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    this.report(out, `not a telemetry event (${where}${first?.message ?? 'invalid'})`, text);
  }

  private report(out: TelemetryRead, message: string, text?: string): void {
    out.issues.push({
      code: 'telemetry.bad_line',
      path: `${this.file}:${this.line}`,
      file: this.file,
      line: this.line,
      message,
      ...(text === undefined ? {} : { value: text.length > 120 ? `${text.slice(0, 120)}…` : text }),
    });
  }
}
