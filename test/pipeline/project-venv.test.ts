import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectVenv } from '../../src/pipeline/index.js';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'sq-venv-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('projectVenv', () => {
  it("finds the repository's venv from a DVC temp experiment workspace inside it", () => {
    const repo = tmp();
    mkdirSync(join(repo, '.venv', 'bin'), { recursive: true });
    writeFileSync(join(repo, '.venv', 'bin', 'python'), '');
    const ws = join(repo, '.dvc', 'tmp', 'exps', 'standalone', 'tmpabc123');
    mkdirSync(ws, { recursive: true });
    expect(projectVenv(ws)).toBe(join(repo, '.venv'));
    expect(projectVenv(repo)).toBe(join(repo, '.venv'));
  });

  it('prefers the nearest venv and falls back to <start>/.venv when there is none', () => {
    const outer = tmp();
    const inner = join(outer, 'inner');
    for (const d of [outer, inner]) {
      mkdirSync(join(d, '.venv', 'bin'), { recursive: true });
      writeFileSync(join(d, '.venv', 'bin', 'python'), '');
    }
    expect(projectVenv(join(inner, 'sub'))).toBe(join(inner, '.venv'));
    const bare = tmp();
    // A venv folder without a python in it does not count (a half-finished bootstrap).
    mkdirSync(join(bare, '.venv'), { recursive: true });
    expect(projectVenv(bare)).toBe(join(bare, '.venv'));
  });
});
