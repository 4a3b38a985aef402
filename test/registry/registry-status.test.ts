import { appendFileSync, mkdirSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegistryError } from '../../src/core/index.js';
import { breakStaleLock, promote, registryStatus, rollback } from '../../src/registry/index.js';
import { auditLines, makeCandidate, tempDir, writeStaleLock } from './fixtures.js';

function oneVersion(): { work: string; root: string } {
  const work = tempDir();
  const root = join(work, 'models');
  promote(makeCandidate(work, 'a'), { root, version: 'v1' });
  return { work, root };
}

describe('registryStatus', () => {
  it('reports an empty registry without creating it', () => {
    const root = join(tempDir(), 'none');
    expect(registryStatus(root)).toMatchObject({
      production: null,
      archive: [],
      lock: { state: 'free' },
      leftovers: [],
      lastAction: null,
    });
  });

  it('reports a torn audit line; the next append still yields parseable lines', () => {
    const { work, root } = oneVersion();
    appendFileSync(join(root, 'audit.jsonl'), '{"when":"2026-01-01T00:00:00Z","act');
    expect(registryStatus(root).leftovers.join('\n')).toMatch(/audit\.jsonl:2: unparseable/);
    promote(makeCandidate(work, 'b', { seed: 2 }), { root, version: 'v2' });
    expect(registryStatus(root).lastAction).toMatchObject({ action: 'promote', to: 'v2' });
    expect(rollback({ root }).to).toBe('v1');
  });

  it('logs a broken stale lock in the audit log', () => {
    const { root } = oneVersion();
    const pid = writeStaleLock(root);
    breakStaleLock(root, 'ops');
    expect(auditLines(root).at(-1)).toMatchObject({ action: 'unlock', actor: 'ops', from: 'v1', to: 'v1' });
    expect(String(auditLines(root).at(-1)?.reason)).toContain(`pid ${pid}`);
  });

  it('reports leftovers and a production pointer that is not a registry symlink', () => {
    const { work, root } = oneVersion();
    mkdirSync(join(root, 'archive', '.staging-v9-1-abcd'));
    symlinkSync('archive/v1', join(root, '.production.tmp-1-abcd'));
    expect(registryStatus(root).leftovers).toHaveLength(2);
    renameSync(join(root, 'production'), join(work, 'saved-link'));
    mkdirSync(join(root, 'production'));
    const st = registryStatus(root);
    expect(st.production).toBeNull();
    expect(st.productionProblems.join(' ')).toMatch(/not a registry symlink/);
    expect(() => promote(makeCandidate(work, 'b', { seed: 2 }), { root })).toThrow(RegistryError);
  });

  it('reports a dangling production link and points to the fix', () => {
    const { root } = oneVersion();
    unlinkSync(join(root, 'production'));
    symlinkSync('archive/v7', join(root, 'production'));
    expect(registryStatus(root).production).toMatchObject({ version: 'v7', verified: false });
    unlinkSync(join(root, 'production'));
    expect(registryStatus(root).leftovers.join(' ')).toMatch(/rollback --to v1/);
    expect(rollback({ root, to: 'v1' }).to).toBe('v1');
    expect(registryStatus(root).production).toMatchObject({ version: 'v1', verified: true });
  });
});
