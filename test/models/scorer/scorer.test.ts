import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArtifactError, DataValidationError } from '../../../src/core/index.js';
import { compileScorer, exportScorer, loadScorer, type ScorerJson } from '../../../src/models/index.js';
import { initTfBackend, type StudentModel, trainStudent } from '../../../src/models/tfjs/index.js';
import { synthetic } from '../tfjs/synthetic.js';

const here = dirname(fileURLToPath(import.meta.url));
const scorerDir = resolve(here, '../../../src/models/scorer');

/** A hand-written scorer: identity-ish normaliser, one linear layer; expectations computed by hand. */
function handScorer(temperature = 1, scale = 1): ScorerJson {
  return {
    format: 'sensequant-scorer/1',
    featureNames: ['a', 'b'],
    normaliser: { mean: [1, 0], std: [2, 1] },
    // logits = [x0', x1', 0] * scale with x' the standardised row.
    layers: [
      { inDim: 2, outDim: 3, activation: 'linear', weights: [scale, 0, 0, 0, scale, 0], bias: [0, 0, 0] },
    ],
    temperature,
    classes: ['LONG', 'SHORT', 'NOOP'],
  };
}

describe('compiled scorer on hand-made weights', () => {
  it('applies normaliser → layer → temperature → softmax', () => {
    const s = compileScorer(handScorer(2));
    const out = new Float64Array(3);
    // Row (3, 2) standardises to (1, 2); logits (1, 2, 0) / T=2 → softmax(0.5, 1, 0).
    s.scoreInto(Float64Array.of(3, 2), out);
    const e = [Math.exp(0.5), Math.exp(1), 1];
    const sum = e[0] + e[1] + e[2];
    expect([...out]).toEqual(e.map((v) => expect.closeTo(v / sum, 14)));
    expect(s.predict(Float64Array.of(3, 2))).toEqual({
      classIndex: 1,
      confidence: expect.closeTo(e[1] / sum, 14),
    });
    expect(s.stats.calls).toBe(2);
  });

  it('stays finite for huge logits', () => {
    const s = compileScorer(handScorer(1, 1e6));
    const out = new Float64Array(3);
    s.scoreInto(Float64Array.of(1001, -1000), out);
    expect([...out]).toEqual([1, 0, 0]);
  });

  it('scores batches from row-major arrays and from Datasets alike', () => {
    const s = compileScorer(handScorer());
    const rows = Float64Array.of(3, 2, -1, 0, 1, 5);
    const a = s.scoreBatch(rows);
    const b = s.scoreBatch({
      n: 3,
      d: 2,
      featureNames: ['a', 'b'],
      columns: [Float64Array.of(3, -1, 1), Float64Array.of(2, 0, 5)],
    });
    expect(a).toEqual(b);
    expect(a.length).toBe(9);
    expect(s.stats.calls).toBe(6);
    expect(() =>
      s.scoreBatch({
        n: 1,
        d: 2,
        featureNames: ['b', 'a'],
        columns: [Float64Array.of(1), Float64Array.of(1)],
      }),
    ).toThrow(DataValidationError);
    expect(() => s.scoreInto(Float64Array.of(1), new Float64Array(3))).toThrow(DataValidationError);
  });

  it('rejects corrupt scorer JSON with an ArtifactError naming the path', () => {
    const bad = handScorer();
    bad.layers[0].weights.pop();
    const err = (() => {
      try {
        loadScorer(JSON.parse(JSON.stringify(bad)));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ArtifactError);
    expect((err as ArtifactError).issues.map((i) => i.path)).toContain('scorer.layers.0.weights');
    expect(() => loadScorer({ ...handScorer(), format: 'other/2' })).toThrow(ArtifactError);
    expect(() => loadScorer({ ...handScorer(), classes: ['A', 'B'] })).toThrow(ArtifactError);
    expect(() => exportScorer({ className: 'GbdtTeacher', config: {}, weights: { trees: [] } })).toThrow(
      ArtifactError,
    );
  });
});

describe('compiled scorer vs TF.js student (parity)', () => {
  const train = synthetic(800, 24, 'parity-train');
  const test = synthetic(300, 24, 'parity-test');
  const valid = synthetic(300, 24, 'parity-valid');
  const students: [string, StudentModel][] = [];

  beforeAll(async () => {
    await initTfBackend();
    const base = { epochs: 8, batchSize: 64, learningRate: 0.01, seed: 11 };
    const data = { x: train.x, y: train.y, soft: train.probs, valid: { x: valid.x, y: valid.y } };
    students.push(['logistic', await trainStudent(data, base)]);
    students.push(['mlp relu [32,16]', await trainStudent(data, { ...base, modelType: 'mlp' })]);
    students.push([
      'mlp tanh [8]',
      await trainStudent(data, { ...base, modelType: 'mlp', hidden: [8], activation: 'tanh' }),
    ]);
  });

  it('agrees with predictProba to 1e-6 on every row, single-row and batch paths', () => {
    for (const [label, model] of students) {
      expect(model.calibrationTemperature, label).not.toBe(1);
      const tfProbs = model.predictProba(test.x);
      const scorer = loadScorer(JSON.parse(JSON.stringify(exportScorer(model.toJSON()))));
      const batch = scorer.scoreBatch(test.x);
      const row = new Float64Array(24);
      const out = new Float64Array(3);
      let maxDiff = 0;
      for (let i = 0; i < test.x.n; i++) {
        for (let j = 0; j < 24; j++) row[j] = test.x.columns[j][i];
        scorer.scoreInto(row, out);
        for (let c = 0; c < 3; c++) {
          maxDiff = Math.max(
            maxDiff,
            Math.abs(out[c] - tfProbs[i * 3 + c]),
            Math.abs(batch[i * 3 + c] - tfProbs[i * 3 + c]),
          );
        }
      }
      expect(maxDiff, label).toBeLessThan(1e-6);
      expect(scorer.stats.calls, label).toBe(2 * test.x.n);
    }
  });

  it('compiles straight from the SavedModel as well', () => {
    const [, model] = students[1];
    const s = compileScorer(model.toJSON());
    expect(s.featureNames).toEqual(model.featureNames);
    expect(s.classes).toEqual(['LONG', 'SHORT', 'NOOP']);
    const p = s.scoreBatch(test.x);
    expect(p.length).toBe(test.x.n * 3);
    expect(s.stats.calls).toBe(test.x.n);
  });
});

describe('scorer folder is dependency-free', () => {
  it('imports no TensorFlow.js, directly or through relative imports', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      expect(src, file).not.toMatch(/@tensorflow/);
      // Runtime imports only: `import type` is erased by the compiler and loads nothing.
      for (const m of src.matchAll(/^(?:import|export)(?!\s+type\s)[^;]*?from '([^']+)'/gm)) {
        const spec = m[1];
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else
          expect(['zod', 'cli-progress', 'node:fs', 'node:path'], `${file} imports ${spec}`).toContain(spec);
      }
    };
    const files = readdirSync(scorerDir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const f of files) visit(join(scorerDir, f));
    expect([...seen].some((f) => f.includes('/models/tfjs/'))).toBe(false);
  });
});
