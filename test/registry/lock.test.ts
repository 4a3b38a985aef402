import { existsSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegistryError } from '../../src/core/index.js';
import {
  acquireRegistryLock,
  breakStaleLock,
  loadProductionModelJson,
  promote,
  registryStatus,
  rollback,
} from '../../src/registry/index.js';
import { makeCandidate, tempDir, writeStaleLock } from './fixtures.js';

describe('registry lock', () => {
  it('a second operation gets RegistryError naming the holder', () => {
    const work = tempDir();
    const root = join(work, 'models');
    promote(makeCandidate(work, 'a'), { root, version: 'v1' });
    const held = acquireRegistryLock(root, 'promote other');
    try {
      expect(registryStatus(root).lock).toMatchObject({ state: 'held', holder: { pid: process.pid } });
      const cand = makeCandidate(work, 'b', { seed: 2 });
      expect(() => promote(cand, { root, version: 'v2' })).toThrow(RegistryError);
      expect(() => promote(cand, { root, version: 'v2' })).toThrow(
        new RegExp(`pid ${process.pid}.*promote other`),
      );
      expect(() => rollback({ root, to: 'v1' })).toThrow(/locked/);
      expect(() => breakStaleLock(root)).toThrow(/live process/);
    } finally {
      held.release();
    }
    expect(existsSync(join(root, '.registry.lock'))).toBe(false);
    expect(promote(makeCandidate(work, 'c', { seed: 3 }), { root, version: 'v3' }).from).toBe('v1');
  });

  it('a stale lock is reported with the fix and can be broken', () => {
    const root = tempDir();
    mkdirSync(root, { recursive: true });
    const pid = writeStaleLock(root);
    const st = registryStatus(root).lock;
    expect(st).toMatchObject({ state: 'stale', holder: { pid } });
    expect(st.state === 'stale' && st.fix).toMatch(/registry unlock/);
    const cand = makeCandidate(tempDir(), 'a');
    expect(() => promote(cand, { root })).toThrow(/stale[\s\S]*registry unlock/);
    expect(breakStaleLock(root)).toMatchObject({ removed: true, holder: { pid } });
    expect(breakStaleLock(root)).toEqual({ removed: false, holder: null });
    expect(promote(cand, { root, version: 'v1' }).to).toBe('v1');
    expect(loadProductionModelJson(root).version).toBe('v1');
  });

  it('release does not remove a lock retaken by someone else', () => {
    const root = tempDir();
    const first = acquireRegistryLock(root, 'a');
    // Simulates the lock being broken and retaken by another operation.
    const path = join(root, '.registry.lock');
    // The holder (this process) is alive, so breakStaleLock would refuse: remove the file directly.
    unlinkSync(path);
    const second = acquireRegistryLock(root, 'b');
    first.release();
    expect(JSON.parse(readFileSync(path, 'utf8')).token).toBe(second.info.token);
    second.release();
    expect(existsSync(path)).toBe(false);
  });
});
