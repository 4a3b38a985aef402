import { existsSync, lstatSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactError, ConfigError, RegistryError, ValidationRejectedError } from '../../src/core/index.js';
import {
  loadProductionModelJson,
  productionModelPath,
  promote,
  registryStatus,
  rollback,
} from '../../src/registry/index.js';
import { auditLines, makeCandidate, tempDir, treeSnapshot } from './fixtures.js';

function setup(): { work: string; root: string } {
  const work = tempDir();
  return { work, root: join(work, 'models') };
}

describe('promote', () => {
  it('stages the candidate in the archive and points production at it', () => {
    const { work, root } = setup();
    const cand = makeCandidate(work, 'a', { extraFiles: { 'scorer/weights.json': '[1]' } });
    const r = promote(cand, { root, now: new Date('2026-03-04T05:06:07Z') });
    expect(r.version).toMatch(/^20260304_050607_[0-9a-f]{8}$/);
    expect(r.from).toBeNull();
    expect(readlinkSync(join(root, 'production'))).toBe(`archive/${r.version}`);
    expect(lstatSync(join(root, 'production')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'production', 'model_version.txt'), 'utf8').trim()).toBe(r.version);
    expect(existsSync(join(root, 'production', 'scorer', 'weights.json'))).toBe(true);
    expect(r.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'student_model.json',
        'metadata.json',
        'promotion_checklist.json',
        'model_version.txt',
      ]),
    );
    const loaded = loadProductionModelJson(root);
    expect(loaded.version).toBe(r.version);
    expect(loaded.model).toEqual(JSON.parse(readFileSync(join(cand, 'student_model.json'), 'utf8')));
    expect(productionModelPath(root)).toBe(join(root, 'production', 'student_model.json'));
    const st = registryStatus(root);
    expect(st.production).toMatchObject({ version: r.version, verified: true });
    expect(st.lock.state).toBe('free');
    expect(st.leftovers).toEqual([]);
    expect(auditLines(root)).toEqual([
      expect.objectContaining({ action: 'promote', from: null, to: r.version, forced: false }),
    ]);
  });

  it('derives unique versions for the same model within one second', () => {
    const { work, root } = setup();
    const now = new Date('2026-03-04T05:06:07Z');
    const a = promote(makeCandidate(work, 'a'), { root, now });
    const b = promote(makeCandidate(work, 'b'), { root, now });
    expect(b.version).toBe(`${a.version}_2`);
    expect(registryStatus(root).archive.map((v) => v.version)).toEqual([a.version, b.version]);
  });

  it('refuses a REJECT candidate, logs the refusal and leaves production alone', () => {
    const { work, root } = setup();
    promote(makeCandidate(work, 'a'), { root, version: 'v1' });
    const bad = makeCandidate(work, 'b', { seed: 2, recommendation: 'REJECT' });
    let err: unknown;
    try {
      promote(bad, { root, version: 'v2' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationRejectedError);
    expect((err as ValidationRejectedError).issues.map((i) => i.path)).toEqual(['checklist-recommendation']);
    expect(loadProductionModelJson(root).version).toBe('v1');
    expect(auditLines(root).at(-1)).toMatchObject({
      action: 'promote-refused',
      from: 'v1',
      to: null,
      forced: false,
    });
  });

  it('forces a REJECT candidate with a reason and records it in the audit log', () => {
    const { work, root } = setup();
    promote(makeCandidate(work, 'a'), { root, version: 'v1' });
    const bad = makeCandidate(work, 'b', { seed: 2, recommendation: 'REJECT' });
    const r = promote(bad, {
      root,
      version: 'v2',
      force: true,
      reason: 'hotfix approved by risk',
      actor: 'alice',
    });
    expect(r.forced).toBe(true);
    expect(loadProductionModelJson(root).version).toBe('v2');
    const last = auditLines(root).at(-1);
    expect(last).toMatchObject({ action: 'promote', from: 'v1', to: 'v2', forced: true, actor: 'alice' });
    expect(last?.reason).toBe('hotfix approved by risk');
    expect(last?.checksums).toEqual({
      model_sha256_from: r.model_sha256_from,
      model_sha256_to: r.model_sha256_to,
    });
    expect(r.model_sha256_from).not.toBe(r.model_sha256_to);
  });

  it('rejects force without a reason with ConfigError, touching nothing', () => {
    const { work, root } = setup();
    const bad = makeCandidate(work, 'b', { recommendation: 'REJECT' });
    expect(() => promote(bad, { root, force: true })).toThrow(ConfigError);
    expect(() => promote(bad, { root, force: true, reason: '   ' })).toThrow(ConfigError);
    expect(existsSync(root)).toBe(false);
  });

  it('never forces past a model checksum mismatch', () => {
    const { work, root } = setup();
    const bad = makeCandidate(work, 'b');
    writeFileSync(join(bad, 'student_model.json'), '{}');
    expect(() => promote(bad, { root, force: true, reason: 'x' })).toThrow(ValidationRejectedError);
    expect(existsSync(join(root, 'production'))).toBe(false);
  });

  it('refuses an existing version with different content and a bad version id', () => {
    const { work, root } = setup();
    promote(makeCandidate(work, 'a'), { root, version: 'v1' });
    promote(makeCandidate(work, 'b', { seed: 2 }), { root, version: 'v2' });
    expect(() => promote(makeCandidate(work, 'c', { seed: 3 }), { root, version: 'v1' })).toThrow(
      RegistryError,
    );
    expect(() => promote(makeCandidate(work, 'd', { seed: 4 }), { root, version: '../evil' })).toThrow(
      ConfigError,
    );
    expect(loadProductionModelJson(root).version).toBe('v2');
  });

  it('dry run returns the plan and changes nothing', () => {
    const { work, root } = setup();
    promote(makeCandidate(work, 'a'), { root, version: 'v1' });
    const before = treeSnapshot(root);
    const cand = makeCandidate(work, 'b', { seed: 2 });
    const plan = promote(cand, { root, version: 'v2', dryRun: true });
    expect(plan).toMatchObject({ dryRun: true, from: 'v1', to: 'v2' });
    expect(plan.model_sha256_from).not.toBeNull();
    expect(plan.files.map((f) => f.path)).toContain('student_model.json');
    const forcedPlan = promote(makeCandidate(work, 'c', { recommendation: 'REJECT' }), {
      root,
      dryRun: true,
      force: true,
      reason: 'try',
    });
    expect(forcedPlan.forced).toBe(true);
    expect(() =>
      promote(makeCandidate(work, 'd', { recommendation: 'REJECT' }), { root, dryRun: true }),
    ).toThrow(ValidationRejectedError);
    expect(treeSnapshot(root)).toBe(before);
  });

  it('promote twice then rollback returns to the first; rollback --to a version', () => {
    const { work, root } = setup();
    const a = promote(makeCandidate(work, 'a', { seed: 1 }), { root, version: 'v1' });
    promote(makeCandidate(work, 'b', { seed: 2 }), { root, version: 'v2' });
    promote(makeCandidate(work, 'c', { seed: 3 }), { root, version: 'v3' });
    const r = rollback({ root, reason: 'v3 drifted' });
    expect(r).toMatchObject({ from: 'v3', to: 'v2', dryRun: false });
    expect(loadProductionModelJson(root).version).toBe('v2');
    const to1 = rollback({ root, to: 'v1' });
    expect(to1).toMatchObject({ from: 'v2', to: 'v1', model_sha256_to: a.model_sha256_to });
    expect(loadProductionModelJson(root).model_sha256).toBe(a.model_sha256_to);
    expect(auditLines(root).map((l) => [l.action, l.from, l.to])).toEqual([
      ['promote', null, 'v1'],
      ['promote', 'v1', 'v2'],
      ['promote', 'v2', 'v3'],
      ['rollback', 'v3', 'v2'],
      ['rollback', 'v2', 'v1'],
    ]);
    // Nothing lost: every version that was ever production is still archived and verified.
    expect(registryStatus(root).archive.map((v) => [v.version, v.verified])).toEqual([
      ['v1', true],
      ['v2', true],
      ['v3', true],
    ]);
    expect(() => rollback({ root, to: 'v9' })).toThrow(RegistryError);
    expect(() => rollback({ root, to: 'v1' })).toThrow(/already production/);
  });

  it('rollback without history fails with a fix', () => {
    const { work, root } = setup();
    promote(makeCandidate(work, 'a'), { root, version: 'v1' });
    expect(() => rollback({ root })).toThrow(/--to/);
  });

  it('loadProductionModelJson refuses a tampered production model', () => {
    const { work, root } = setup();
    promote(makeCandidate(work, 'a'), { root, version: 'v1' });
    writeFileSync(join(root, 'archive', 'v1', 'student_model.json'), '{"weights":[9]}');
    expect(() => loadProductionModelJson(root)).toThrow(ArtifactError);
    const st = registryStatus(root);
    expect(st.production?.verified).toBe(false);
    expect(st.production?.problems.join(' ')).toMatch(/student_model\.json: sha256 mismatch/);
  });
});
