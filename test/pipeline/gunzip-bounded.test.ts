import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ArtifactError, type SenseQuantError } from '../../src/core/index.js';
import { READ_LIMITS, readColumnsCsv, writeColumnsCsv } from '../../src/pipeline/index.js';
import { tempDir } from '../data/tmp-files.js';

function failure(fn: () => unknown): SenseQuantError {
  try {
    fn();
  } catch (e) {
    return e as SenseQuantError;
  }
  throw new Error('expected a failure');
}

/** A small valid labels table, gzipped the way the teacher writes it. */
function labelsGz(dir: string): string {
  const f = join(dir, 'labels.csv.gz');
  writeColumnsCsv(f, ['ts', 'symbol'], [Float64Array.from([1, 2, 3]), ['A', 'B', 'C']]);
  return f;
}

describe('labels.csv.gz decompression', () => {
  it('reads a valid file', () => {
    const t = readColumnsCsv(labelsGz(tempDir()), ['symbol']);
    expect(t.n).toBe(3);
    expect(t.strings.get('symbol')).toEqual(['A', 'B', 'C']);
  });

  it('stops a gzip bomb at the limit: 1 GiB of zeros in a 1 MB file is an ArtifactError, not out-of-memory', () => {
    const dir = tempDir();
    const f = join(dir, 'labels.csv.gz');
    // gzip members may be concatenated: 1024 copies of one member holding 1 MiB of zeros inflate to 1 GiB.
    const member = gzipSync(Buffer.alloc(1 << 20), { level: 9 });
    writeFileSync(f, Buffer.concat(Array.from({ length: 1024 }, () => member)));
    const e = failure(() => readColumnsCsv(f, [], { maxBytes: 16 << 20 }));
    expect(e).toBeInstanceOf(ArtifactError);
    expect(e.message.split('\n')[0]).toBe(`cannot decompress ${f}`);
    expect(e.issues[0]).toMatchObject({
      file: f,
      message: expect.stringContaining('more than 16777216 bytes'),
    });
    // The default limit is the documented one.
    expect(READ_LIMITS.columnsCsv).toBe(512 * 1024 * 1024);
  });

  it('names the file of a truncated, a corrupt and a non-gzip .gz file', () => {
    const dir = tempDir();
    const good = gzipSync(Buffer.from(`ts,x\n${'1,2\n'.repeat(5000)}`));
    const cases: [string, Buffer, RegExp][] = [
      ['truncated.csv.gz', good.subarray(0, good.length - 40), /truncated gzip data/],
      [
        'corrupt.csv.gz',
        Buffer.concat([good.subarray(0, 12), Buffer.alloc(64, 0xff), good.subarray(76)]),
        /corrupt gzip data/,
      ],
      ['plain.csv.gz', Buffer.from('ts,x\n1,2\n'), /no gzip header/],
      ['empty.csv.gz', Buffer.alloc(0), /no gzip header/],
    ];
    for (const [name, bytes, message] of cases) {
      const f = join(dir, name);
      writeFileSync(f, bytes);
      const e = failure(() => readColumnsCsv(f));
      expect(e, name).toBeInstanceOf(ArtifactError);
      expect(e.message.split('\n')[0], name).toContain(f);
      expect(e.issues[0].message, name).toMatch(message);
    }
  });

  it('refuses an uncompressed table over the limit before reading it', () => {
    const f = join(tempDir(), 'features.csv');
    writeFileSync(f, `ts\n${'1\n'.repeat(1000)}`);
    const e = failure(() => readColumnsCsv(f, [], { maxBytes: 100 }));
    expect(e.message.split('\n')[0]).toBe(`artifact ${f} is too large`);
  });
});
