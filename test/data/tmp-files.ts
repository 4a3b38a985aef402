import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp directory, removed after the current test. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sq-data-'));
  dirs.push(d);
  return d;
}

/** Writes `content` to `name` in a fresh temp dir and returns its path. */
export function writeTemp(name: string, content: string): string {
  const p = join(tempDir(), name);
  writeFileSync(p, content);
  return p;
}
