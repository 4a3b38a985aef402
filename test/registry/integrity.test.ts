import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationRejectedError } from '../../src/core/index.js';
import { checkModelBundle, promote, registryStatus, validatePromotion } from '../../src/registry/index.js';
import { makeCandidate, tempDir, treeSnapshot } from './fixtures.js';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** Rewrites a candidate file and recomputes the hash metadata records for it (an attacker's edit). */
function tamper(dir: string, file: 'student_model.json' | 'scorer.json', text: string): void {
  writeFileSync(join(dir, file), text);
  const metaPath = join(dir, 'metadata.json');
  const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  meta[file === 'scorer.json' ? 'scorer_sha256' : 'model_sha256'] = sha(text);
  writeFileSync(metaPath, JSON.stringify(meta));
  if (file === 'student_model.json') {
    const clPath = join(dir, 'promotion_checklist.json');
    const cl = JSON.parse(readFileSync(clPath, 'utf8'));
    cl.candidate_model_sha256 = sha(text);
    writeFileSync(clPath, JSON.stringify(cl));
  }
}

const failed = (dir: string) =>
  validatePromotion(dir)
    .checks.filter((c) => !c.pass)
    .map((c) => c.name);

describe('verify before use: tampered candidates with recomputed hashes', () => {
  it('a scorer.json with one weight changed is not the compiled model', () => {
    const dir = makeCandidate(tempDir(), 'c');
    const scorer = JSON.parse(readFileSync(join(dir, 'scorer.json'), 'utf8'));
    scorer.layers[0].weights[4] += 0.5;
    tamper(dir, 'scorer.json', JSON.stringify(scorer));
    expect(failed(dir)).toEqual(['model-loads']);
    const r = checkModelBundle(dir);
    expect(!r.ok && r.problems[0].message).toMatch(/not the compiled form of student_model\.json/);
  });

  it('a scorer.json that is not JSON does not load', () => {
    const dir = makeCandidate(tempDir(), 'c');
    tamper(dir, 'scorer.json', 'not json at all');
    expect(failed(dir)).toEqual(['model-loads']);
  });

  it('a scorer.json edited without recomputing its hash fails the checksum', () => {
    const dir = makeCandidate(tempDir(), 'c');
    writeFileSync(
      join(dir, 'scorer.json'),
      readFileSync(join(dir, 'scorer.json'), 'utf8').replace('1.25', '1.5'),
    );
    expect(failed(dir)).toEqual(['scorer-sha256', 'model-loads']);
  });

  it('a student_model.json of {"hello":1} does not load, even with every hash recomputed', () => {
    const dir = makeCandidate(tempDir(), 'c');
    tamper(dir, 'student_model.json', '{"hello":1}');
    expect(failed(dir)).toEqual(['model-loads']);
  });

  it('non-finite weights do not load (1e999 parses as Infinity)', () => {
    const dir = makeCandidate(tempDir(), 'c');
    const text = readFileSync(join(dir, 'student_model.json'), 'utf8').replace(
      '"bias":[0.1',
      '"bias":[1e999',
    );
    tamper(dir, 'student_model.json', text);
    expect(failed(dir)).toEqual(['model-loads']);
  });

  it('a feature count that disagrees with metadata does not load', () => {
    const dir = makeCandidate(tempDir(), 'c', { editMeta: (m) => (m.feature_names = ['f0', 'f1']) });
    expect(failed(dir)).toEqual(['model-loads']);
  });

  it('--force cannot promote a model that does not load, and nothing is touched', () => {
    const root = tempDir();
    const dir = makeCandidate(root, 'c');
    tamper(dir, 'student_model.json', '{"hello":1}');
    const registry = join(root, 'models');
    promote(makeCandidate(root, 'good', { seed: 2 }), { root: registry });
    const before = treeSnapshot(registry, { ignoreRootMtime: true });
    expect(() => promote(dir, { root: registry, force: true, reason: 'trust me' })).toThrow(
      ValidationRejectedError,
    );
    // Only the refusal is appended to the audit log.
    const after = treeSnapshot(registry, { ignoreRootMtime: true });
    expect(after.split('\n').filter((l) => !l.startsWith('F audit.jsonl'))).toEqual(
      before.split('\n').filter((l) => !l.startsWith('F audit.jsonl')),
    );
    expect(registryStatus(registry).production?.verified).toBe(true);
  });
});

describe('a checklist counts only when bound to the candidate', () => {
  it('refuses a hand-written two-line PROMOTE checklist with no model hash', () => {
    const dir = makeCandidate(tempDir(), 'c');
    writeFileSync(
      join(dir, 'promotion_checklist.json'),
      '{"recommendation":"PROMOTE",\n"reason":"trust me"}\n',
    );
    expect(failed(dir)).toEqual(['checklist-matches-model', 'checklist-config-hash', 'checklist-window']);
    expect(() => promote(dir, { root: join(tempDir(), 'models') })).toThrow(ValidationRejectedError);
  });

  it('refuses a checklist of the right model from another training run (config hash)', () => {
    const dir = makeCandidate(tempDir(), 'c', {
      editChecklist: (c) => (c.candidate_config_hash = '00000000'),
    });
    expect(failed(dir)).toEqual(['checklist-config-hash']);
  });

  it('refuses a checklist whose validation window starts inside the training data', () => {
    const dir = makeCandidate(tempDir(), 'c', {
      editChecklist: (c) => (c.validation_period = { start: '2023-01-02', end: '2024-12-24' }),
    });
    expect(failed(dir)).toEqual(['checklist-window']);
  });

  it('--force --reason gets past an unbound checklist, and the audit log says so', () => {
    const root = tempDir();
    const dir = makeCandidate(root, 'c', { editChecklist: (c) => delete c.candidate_model_sha256 });
    const r = promote(dir, { root: join(root, 'models'), force: true, reason: 'manual review #42' });
    expect(r.forced).toBe(true);
    const audit = readFileSync(join(root, 'models', 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(audit.at(-1)).toMatchObject({ action: 'promote', forced: true, reason: 'manual review #42' });
  });
});
