import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryError } from '../../src/core/index.js';
import {
  breakStaleLock,
  loadProductionModelJson,
  PROMOTE_CRASH_STEPS,
  promote,
  ROLLBACK_CRASH_STEPS,
  registryStatus,
  rollback,
  setRegistryCrashHook,
} from '../../src/registry/index.js';
import { auditLines, dirHash, makeCandidate, tempDir, writeStaleLock } from './fixtures.js';

class SimulatedCrash extends Error {}

function crashAt(step: string): void {
  setRegistryCrashHook((s) => {
    if (s === step) throw new SimulatedCrash(`crash at ${s}`);
  });
}

function archiveHashes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of readdirSync(join(root, 'archive')))
    if (!n.startsWith('.')) out[n] = dirHash(join(root, 'archive', n));
  return out;
}

/** Production is exactly one whole archived version, matching the expected candidate's model. */
function expectWholeProduction(root: string, version: string, candidate: string): void {
  const st = registryStatus(root);
  expect(st.production).toMatchObject({ version, verified: true, problems: [] });
  expect(st.archive.every((v) => v.verified)).toBe(true);
  const loaded = loadProductionModelJson(root);
  expect(loaded.version).toBe(version);
  expect(loaded.model).toEqual(JSON.parse(readFileSync(join(candidate, 'student_model.json'), 'utf8')));
  expect(readFileSync(join(root, 'production', 'model_version.txt'), 'utf8').trim()).toBe(version);
}

/** After a simulated process death the lock is left behind: it must be stale, refused, and breakable. */
function expectStaleLockHandled(root: string): void {
  writeStaleLock(root);
  expect(registryStatus(root).lock.state).toBe('stale');
  expect(() => rollback({ root, to: 'v1' })).toThrow(RegistryError);
  expect(breakStaleLock(root).removed).toBe(true);
}

const EXPECTED_LEFTOVER: Record<string, RegExp> = {
  'after-staging': /\.staging-v2-/,
  'after-fsync': /\.staging-v2-/,
  'after-temp-symlink': /\.production\.tmp-/,
  'after-switch': /not logged/,
  'before-audit': /not logged/,
};

afterEach(() => setRegistryCrashHook(undefined));

describe('crash injection', () => {
  it('the hook sees every documented step, in order', () => {
    const work = tempDir();
    const root = join(work, 'models');
    const seen: string[] = [];
    setRegistryCrashHook((s) => seen.push(s));
    promote(makeCandidate(work, 'a', { seed: 1 }), { root, version: 'v1' });
    expect(seen).toEqual([...PROMOTE_CRASH_STEPS]);
    promote(makeCandidate(work, 'b', { seed: 2 }), { root, version: 'v2' });
    seen.length = 0;
    rollback({ root });
    expect(seen).toEqual([...ROLLBACK_CRASH_STEPS]);
  });

  it.each(PROMOTE_CRASH_STEPS.map((s, i) => [s, i] as const))('promote crashing at %s', (step, i) => {
    const work = tempDir();
    const root = join(work, 'models');
    const a = makeCandidate(work, 'a', { seed: 1 });
    const b = makeCandidate(work, 'b', { seed: 2 });
    promote(a, { root, version: 'v1' });
    const archived = archiveHashes(root);

    crashAt(step);
    expect(() => promote(b, { root, version: 'v2' })).toThrow(SimulatedCrash);
    setRegistryCrashHook(undefined);

    const switched = i >= PROMOTE_CRASH_STEPS.indexOf('after-switch');
    expectWholeProduction(root, switched ? 'v2' : 'v1', switched ? b : a);
    const after = archiveHashes(root);
    for (const [v, h] of Object.entries(archived)) expect(after[v]).toBe(h);
    const leftovers = registryStatus(root).leftovers;
    if (EXPECTED_LEFTOVER[step]) expect(leftovers.join('\n')).toMatch(EXPECTED_LEFTOVER[step]);
    else expect(leftovers).toEqual([]);
    expectStaleLockHandled(root);

    // Retrying the same promotion works (reusing a fully staged v2) unless v2 is already production.
    if (switched) expect(() => promote(b, { root, version: 'v2' })).toThrow(/already production/);
    else expect(promote(b, { root, version: 'v2' }).from).toBe('v1');
    expectWholeProduction(root, 'v2', b);
    const st = registryStatus(root);
    expect(st.leftovers).toEqual([]);
    expect(st.lock.state).toBe('free');
    if (EXPECTED_LEFTOVER[step]?.source === 'not logged') {
      expect(auditLines(root).map((l) => l.action)).toContain('recover');
    }
    const c = makeCandidate(work, 'c', { seed: 3 });
    promote(c, { root, version: 'v3' });
    expect(rollback({ root }).to).toBe('v2');
    expectWholeProduction(root, 'v2', b);
    expect(Object.keys(archiveHashes(root)).sort()).toEqual(['v1', 'v2', 'v3']);
  });

  it.each(ROLLBACK_CRASH_STEPS.map((s, i) => [s, i] as const))('rollback crashing at %s', (step, i) => {
    const work = tempDir();
    const root = join(work, 'models');
    const a = makeCandidate(work, 'a', { seed: 1 });
    const b = makeCandidate(work, 'b', { seed: 2 });
    promote(a, { root, version: 'v1' });
    promote(b, { root, version: 'v2' });
    const archived = archiveHashes(root);

    crashAt(step);
    expect(() => rollback({ root })).toThrow(SimulatedCrash);
    setRegistryCrashHook(undefined);

    const switched = i >= ROLLBACK_CRASH_STEPS.indexOf('after-switch');
    expectWholeProduction(root, switched ? 'v1' : 'v2', switched ? a : b);
    expect(archiveHashes(root)).toEqual(archived);
    const leftovers = registryStatus(root).leftovers;
    if (EXPECTED_LEFTOVER[step]) expect(leftovers.join('\n')).toMatch(EXPECTED_LEFTOVER[step]);
    else expect(leftovers).toEqual([]);
    writeStaleLock(root);
    expect(registryStatus(root).lock.state).toBe('stale');
    expect(() => rollback({ root })).toThrow(/stale/);
    breakStaleLock(root);

    // A later rollback goes to the other version and leaves a clean registry.
    const r = rollback({ root });
    expect(r.to).toBe(switched ? 'v2' : 'v1');
    expectWholeProduction(root, r.to, switched ? b : a);
    const st = registryStatus(root);
    expect(st.leftovers).toEqual([]);
    expect(st.lock.state).toBe('free');
    expect(archiveHashes(root)).toEqual(archived);
  });
});
