import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePromotion } from '../../src/registry/index.js';
import { makeCandidate, tempDir } from './fixtures.js';

function failedNames(dir: string): string[] {
  return validatePromotion(dir)
    .checks.filter((c) => !c.pass)
    .map((c) => c.name);
}

describe('validatePromotion', () => {
  it('passes a candidate that obeys the contract, extra metadata keys allowed', () => {
    const r = validatePromotion(makeCandidate(tempDir(), 'ok'));
    expect(r.canPromote).toBe(true);
    expect(r.checks.length).toBeGreaterThanOrEqual(8);
    expect(r.checks.every((c) => c.pass)).toBe(true);
  });

  it('reports a model checksum mismatch', () => {
    const dir = makeCandidate(tempDir(), 'c');
    writeFileSync(join(dir, 'student_model.json'), '{"tampered":true}');
    const r = validatePromotion(dir);
    expect(r.canPromote).toBe(false);
    expect(failedNames(dir)).toEqual(['model-sha256', 'model-loads']);
    expect(r.checks.find((c) => c.name === 'model-sha256')?.detail).toMatch(/hashes to/);
  });

  it('reports a missing teacher link', () => {
    const dir = makeCandidate(tempDir(), 'c', { editMeta: (m) => delete m.teacher });
    expect(failedNames(dir)).toEqual(['metadata-schema', 'teacher-link']);
  });

  it('reports a missing or malformed config_hash', () => {
    const dir = makeCandidate(tempDir(), 'c', { editMeta: (m) => (m.config_hash = 'XYZ') });
    expect(failedNames(dir)).toEqual([
      'metadata-schema',
      'model-loads',
      'config-hash',
      'checklist-config-hash',
    ]);
  });

  it('reports a REJECT checklist', () => {
    const dir = makeCandidate(tempDir(), 'c', { recommendation: 'REJECT' });
    const r = validatePromotion(dir);
    expect(failedNames(dir)).toEqual(['checklist-recommendation']);
    expect(r.checks.find((c) => c.name === 'checklist-recommendation')?.detail).toMatch(/^REJECT/);
  });

  it('refuses a checklist written for another model', () => {
    const dir = makeCandidate(tempDir(), 'c');
    writeFileSync(
      join(dir, 'promotion_checklist.json'),
      JSON.stringify({
        recommendation: 'PROMOTE',
        reason: 'ok',
        candidate_model_sha256: 'a'.repeat(64),
        candidate_config_hash: 'ab12cd34',
        validation_period: { start: '2024-06-07' },
      }),
    );
    expect(failedNames(dir)).toEqual(['checklist-matches-model']);
  });

  it('reports a missing checklist', () => {
    const dir = makeCandidate(tempDir(), 'c', { withChecklist: false });
    expect(failedNames(dir)).toEqual([
      'checklist-file',
      'checklist-recommendation',
      'checklist-matches-model',
      'checklist-config-hash',
      'checklist-window',
    ]);
  });

  it('reports a missing model file and a missing dir without throwing', () => {
    const root = tempDir();
    expect(failedNames(join(root, 'nope'))).toContain('candidate-dir');
    const dir = makeCandidate(root, 'c');
    writeFileSync(join(dir, 'metadata.json'), 'not json');
    expect(failedNames(dir)).toEqual(
      expect.arrayContaining([
        'metadata-file',
        'metadata-schema',
        'model-sha256',
        'teacher-link',
        'config-hash',
      ]),
    );
  });

  it('optionally requires the teacher dir to exist', () => {
    const dir = makeCandidate(tempDir(), 'c');
    const r = validatePromotion(dir, { checkTeacherDir: true });
    expect(r.checks.find((c) => c.name === 'teacher-link')?.pass).toBe(false);
  });
});
