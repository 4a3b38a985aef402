import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactError, ConfigError, formatIssue, type SenseQuantError } from '../../src/core/index.js';
import { READ_LIMITS, readFileBounded, readJsonBounded, readTextBounded } from '../../src/pipeline/index.js';
import { tempDir } from '../data/tmp-files.js';

const opts = { maxBytes: 1024, what: 'test file' };

function failure(fn: () => unknown): SenseQuantError {
  try {
    fn();
  } catch (e) {
    return e as SenseQuantError;
  }
  throw new Error('expected a failure');
}

describe('readFileBounded', () => {
  it('reads a regular file whole, up to and including the limit', () => {
    const f = join(tempDir(), 'a.txt');
    writeFileSync(f, 'x'.repeat(1024));
    expect(readTextBounded(f, opts)).toBe('x'.repeat(1024));
    writeFileSync(f, '');
    expect(readFileBounded(f, opts).length).toBe(0);
  });

  it('refuses a file over the limit from its size, before reading it', () => {
    const f = join(tempDir(), 'big.bin');
    writeFileSync(f, '');
    // A sparse 8 GiB file: reading it would take seconds and gigabytes; fstat refuses it at once.
    truncateSync(f, 8 * 1024 ** 3);
    const t0 = performance.now();
    const e = failure(() => readFileBounded(f, { maxBytes: READ_LIMITS.model, what: 'teacher model' }));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(e).toBeInstanceOf(ArtifactError);
    expect(e.message.split('\n')[0]).toBe(`teacher model ${f} is too large`);
    expect(e.issues[0].message).toContain(`${8 * 1024 ** 3} bytes, over the limit of ${READ_LIMITS.model}`);
  });

  it('stops at the limit when the size fstat reports is wrong (procfs says 0)', () => {
    // /proc/self/status reports size 0 but holds ~1.4 KB: it is read to EOF, never past the limit.
    expect(readTextBounded('/proc/self/status', { maxBytes: 1 << 20, what: 'status' })).toMatch(/^Name:/);
    const e = failure(() => readFileBounded('/proc/self/status', { maxBytes: 64, what: 'status' }));
    expect(e.message.split('\n')[0]).toBe('status /proc/self/status is too large');
    expect(e.issues[0].message).toContain('more than the limit of 64 bytes');
  });

  it('refuses a directory, a FIFO, a device and a socket where a file is expected, without blocking', async () => {
    const dir = tempDir();
    const sub = join(dir, 'params.yaml');
    mkdirSync(sub);
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const sock = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const cases: [string, RegExp][] = [
        [sub, /is a directory; expected a regular file/],
        [fifo, /is a FIFO \(named pipe\); expected a regular file/],
        ['/dev/zero', /is a character device; expected a regular file/],
        [sock, /is a socket/],
      ];
      for (const [path, message] of cases) {
        const e = failure(() => readFileBounded(path, opts));
        expect(e, path).toBeInstanceOf(ArtifactError);
        expect(e.issues[0].path).toBe(path);
        expect(e.issues[0].message).toMatch(message);
      }
    } finally {
      server.close();
    }
  });

  it('names a missing file, throws the requested error class, and can refuse symbolic links', () => {
    const dir = tempDir();
    const missing = join(dir, 'nope.yaml');
    const e = failure(() =>
      readFileBounded(missing, { ...opts, error: ConfigError, fix: 'pass --params <file>' }),
    );
    expect(e).toBeInstanceOf(ConfigError);
    expect(formatIssue(e.issues[0])).toBe(`${missing} file not found — fix: pass --params <file>`);
    const target = join(dir, 'real.json');
    writeFileSync(target, '{}');
    const link = join(dir, 'link.json');
    symlinkSync(target, link);
    expect(readJsonBounded(link, opts)).toEqual({});
    const refused = failure(() => readJsonBounded(link, { ...opts, noFollow: true }));
    expect(refused.issues[0].message).toMatch(/symbolic link/);
  });
});

describe('readJsonBounded', () => {
  it('names the file of invalid JSON and echoes at most ~200 characters of it', () => {
    const f = join(tempDir(), 'model.json');
    writeFileSync(f, `{"weights": [${'9'.repeat(50_000)}x]}`);
    const e = failure(() => readJsonBounded(f, { maxBytes: 1 << 20, what: 'student model' }));
    expect(e).toBeInstanceOf(ArtifactError);
    expect(e.message.split('\n')[0]).toBe(`student model ${f} is not valid JSON`);
    const line = formatIssue(e.issues[0]);
    expect(line.length).toBeLessThan(f.length + 400);
  });
});
