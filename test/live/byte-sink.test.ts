import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSink } from '../../src/live/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sq-sink-'));
  dirs.push(d);
  return d;
}

/** Chunks of distinct bytes: chunk i is `length` copies of the letter i mod 26. */
function chunkOf(i: number, length: number, capacity = 4096): Buffer {
  const b = Buffer.alloc(capacity, 0x3f);
  b.fill(0x61 + (i % 26), 0, length);
  return b;
}

describe('fileSink', () => {
  it('writes chunks in order although the thread pool finishes them in any order; the caller may reuse its buffer', async () => {
    const path = join(tempDir(), 'sub', 'telemetry.jsonl');
    const sink = fileSink(path);
    const shared = Buffer.alloc(4096);
    let want = '';
    // 40 chunks without turning the event loop: the first ones go to the pool, the rest are written here.
    for (let i = 0; i < 40; i++) {
      const length = 1 + ((i * 977) % 4000);
      chunkOf(i, length).copy(shared);
      sink.write(shared, length);
      shared.fill(0x21); // reused at once, as LineBuffer does: the sink must have taken a copy
      want += String.fromCharCode(0x61 + (i % 26)).repeat(length);
    }
    // More after the loop turned (pool buffers come back and are reused).
    await new Promise((r) => setImmediate(r));
    for (let i = 40; i < 60; i++) {
      chunkOf(i, 3000).copy(shared);
      sink.write(shared, 3000);
      want += String.fromCharCode(0x61 + (i % 26)).repeat(3000);
    }
    await sink.close();
    expect(readFileSync(path, 'latin1')).toBe(want);
  });

  it('replaces the file by default and appends after what is there without truncate', async () => {
    const path = join(tempDir(), 'x.jsonl');
    writeFileSync(path, 'old\n');
    let sink = fileSink(path, false);
    sink.write(Buffer.from('more\n'), 5);
    await sink.close();
    expect(readFileSync(path, 'utf8')).toBe('old\nmore\n');
    sink = fileSink(path);
    sink.write(Buffer.from('new\nIGNORED'), 4);
    await sink.close();
    expect(readFileSync(path, 'utf8')).toBe('new\n');
  });

  it('reports a failed write (a full device) from close and from the next write', async () => {
    const sink = fileSink('/dev/full');
    sink.write(Buffer.from('x'.repeat(100)), 100);
    await expect(sink.close()).rejects.toThrow(/ENOSPC/);
    const again = fileSink('/dev/full');
    again.write(Buffer.from('y'), 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(() => again.write(Buffer.from('z'), 1)).toThrow(/ENOSPC/);
    await expect(again.close()).rejects.toThrow(/ENOSPC/);
  });
});
