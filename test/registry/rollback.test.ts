import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactError } from '../../src/core/index.js';
import { loadProductionModelJson, promote, registryStatus, rollback } from '../../src/registry/index.js';
import { makeCandidate, tempDir, treeSnapshot } from './fixtures.js';

function twoVersions(): string {
  const work = tempDir();
  const root = join(work, 'models');
  promote(makeCandidate(work, 'a', { seed: 1 }), { root, version: 'v1' });
  promote(makeCandidate(work, 'b', { seed: 2 }), { root, version: 'v2' });
  return root;
}

describe('rollback', () => {
  it('refuses a corrupt archived model and leaves production untouched', () => {
    const root = twoVersions();
    writeFileSync(join(root, 'archive', 'v1', 'student_model.json'), '{"corrupt":1}');
    const before = treeSnapshot(root, { ignoreRootMtime: true });
    expect(() => rollback({ root })).toThrow(ArtifactError);
    expect(treeSnapshot(root, { ignoreRootMtime: true })).toBe(before);
    expect(loadProductionModelJson(root).version).toBe('v2');
  });

  it('refuses an archive with an extra or missing file', () => {
    const root = twoVersions();
    appendFileSync(join(root, 'archive', 'v1', 'evaluation_metrics.json'), ' ');
    expect(() => rollback({ root, to: 'v1' })).toThrow(/evaluation_metrics\.json: sha256 mismatch/);
    const root2 = twoVersions();
    writeFileSync(join(root2, 'archive', 'v1', 'surprise.txt'), 'x');
    expect(() => rollback({ root: root2, to: 'v1' })).toThrow(/not in manifest/);
    expect(loadProductionModelJson(root2).version).toBe('v2');
  });

  it('dry run verifies and plans without touching anything', () => {
    const root = twoVersions();
    const before = treeSnapshot(root);
    const plan = rollback({ root, dryRun: true });
    expect(plan).toMatchObject({ dryRun: true, from: 'v2', to: 'v1' });
    expect(treeSnapshot(root)).toBe(before);
  });

  it('rolling back twice toggles between the last two versions', () => {
    const root = twoVersions();
    expect(rollback({ root }).to).toBe('v1');
    expect(rollback({ root }).to).toBe('v2');
    expect(registryStatus(root).lastAction).toMatchObject({ action: 'rollback', from: 'v1', to: 'v2' });
    expect(readFileSync(join(root, 'production', 'model_version.txt'), 'utf8').trim()).toBe('v2');
  });
});
