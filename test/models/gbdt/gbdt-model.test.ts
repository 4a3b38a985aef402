import { describe, expect, it } from 'vitest';
import { ArtifactError } from '../../../src/core/index.js';
import { syntheticGbdtData } from '../../../bench/gbdt-bench.js';
import { GbdtModel, multiLogloss, trainGbdt } from '../../../src/models/gbdt/index.js';
import {
  histogramStats,
  MIN_CHUNKED_ROWS,
  resetHistogramStats,
} from '../../../src/models/gbdt/histogram-builder.js';
import { loadClassifier, type SavedModel } from '../../../src/models/index.js';
import { firstDiff, xorData } from './helpers.js';

const sampled = { featureFraction: 0.6, baggingFraction: 0.7, baggingFreq: 2 };

describe('determinism', () => {
  it('gives identical JSON for the same seed and different JSON for another seed', () => {
    const data = syntheticGbdtData(1500, 6, 3);
    const opts = { numRounds: 8, numLeaves: 7, ...sampled };
    const a = JSON.stringify(trainGbdt(data, { ...opts, seed: 1 }).toJSON());
    const b = JSON.stringify(trainGbdt(data, { ...opts, seed: 1 }).toJSON());
    const c = JSON.stringify(trainGbdt(data, { ...opts, seed: 2 }).toJSON());
    expect(firstDiff(a, b)).toBe(-1);
    expect(firstDiff(a, c)).toBeGreaterThan(-1);
  });

  it('is bit-identical with one or two histogram threads', () => {
    const data = syntheticGbdtData(6000, 12, 4);
    for (const extra of [{}, sampled]) {
      const opts = { numRounds: 5, numLeaves: 15, ...extra };
      const one = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 1 }).toJSON());
      const two = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 2 }).toJSON());
      expect(firstDiff(one, two)).toBe(-1);
    }
  });
});

describe('row-chunked histograms', () => {
  it('are bit-identical with one or two threads when leaves are split across threads', () => {
    // Big enough that the root and the first children exceed MIN_CHUNKED_ROWS.
    const data = syntheticGbdtData(4 * MIN_CHUNKED_ROWS, 6, 9);
    for (const extra of [{}, sampled]) {
      const opts = { numRounds: 4, numLeaves: 15, ...extra };
      resetHistogramStats();
      const one = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 1 }).toJSON());
      expect(histogramStats.chunkedBuilds).toBeGreaterThan(0);
      expect(histogramStats.parallelBuilds).toBe(0);
      resetHistogramStats();
      const two = JSON.stringify(trainGbdt(data, { ...opts, numThreads: 2 }).toJSON());
      // The worker really summed the second chunk of some leaves (those of 8192+ rows; smaller
      // chunked leaves are summed in the same two chunks on the main thread).
      expect(histogramStats.parallelBuilds).toBeGreaterThan(0);
      expect(histogramStats.parallelBuilds).toBeLessThanOrEqual(histogramStats.chunkedBuilds);
      expect(firstDiff(one, two)).toBe(-1);
    }
  });
});

describe('save and load', () => {
  const data = syntheticGbdtData(800, 5, 5);
  data.x.columns[2][3] = Number.NaN;
  const model = trainGbdt(data, { numRounds: 10, numLeaves: 6 });

  it('round-trips through JSON text with identical predictions', () => {
    const saved = JSON.parse(JSON.stringify(model.toJSON())) as SavedModel;
    expect(saved.className).toBe('GbdtClassifier');
    const back = GbdtModel.fromJSON(saved);
    expect(back.predictProba(data.x)).toEqual(model.predictProba(data.x));
    const viaRegistry = loadClassifier(saved);
    expect(viaRegistry).toBeInstanceOf(GbdtModel);
    expect(viaRegistry.predictProba(data.x)).toEqual(model.predictProba(data.x));
    expect(JSON.stringify(back.toJSON())).toBe(JSON.stringify(model.toJSON()));
  });

  it('rejects corrupt JSON with an ArtifactError naming the bad path', () => {
    const corrupt = (
      edit: (w: { trees: Record<string, unknown>[] } & Record<string, unknown>) => void,
    ): unknown => {
      const saved = JSON.parse(JSON.stringify(model.toJSON()));
      edit(saved.weights);
      try {
        GbdtModel.fromJSON(saved);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const cycle = corrupt((w) => {
      (w.trees[0].left as number[])[0] = 0;
    }) as ArtifactError;
    expect(cycle).toBeInstanceOf(ArtifactError);
    expect(cycle.issues.map((i) => i.path)).toContain('weights.trees.0.left.0');
    const short = corrupt((w) => {
      (w.trees[3].leafValue as number[]).pop();
    }) as ArtifactError;
    expect(short.issues[0].path).toBe('weights.trees.3.leafValue');
    const text = corrupt((w) => {
      (w.trees[1].threshold as unknown[])[0] = 'x';
    }) as ArtifactError;
    expect(text.issues[0].path).toBe('weights.trees.1.threshold.0');
    expect(corrupt((w) => void w.initScore)).toBeUndefined();
    expect(() => GbdtModel.fromJSON({ className: 'GbdtClassifier', config: {}, weights: null })).toThrow(
      ArtifactError,
    );
  });
});

describe('early stopping', () => {
  it('keeps the round with the best validation logloss', () => {
    const train = xorData(400, 11);
    const valid = xorData(400, 12);
    // Label noise on training so that a fast learner overfits and the validation loss turns up.
    for (let i = 0; i < train.y.length; i += 4) train.y[i] = 1 - train.y[i];
    const opts = { numClasses: 2, learningRate: 0.5, numLeaves: 31, minDataInLeaf: 2 };
    const full = trainGbdt(train, { ...opts, numRounds: 60 });
    const early = trainGbdt(train, { ...opts, numRounds: 60, earlyStoppingRounds: 5 }, valid);
    // Reference: validation loss of every prefix of the full model, and the same stopping rule.
    const losses: number[] = [];
    for (let r = 1; r <= 60; r++) {
      const prefix = new GbdtModel({ ...full, options: full.options, trees: full.trees.slice(0, 2 * r) });
      losses.push(multiLogloss(prefix.predictRaw(valid.x), valid.y, 2));
    }
    let best = 0;
    for (let r = 1; r < 60 && r - best < 5; r++) if (losses[r] < losses[best]) best = r;
    expect(best).toBeLessThan(50);
    expect(early.numRounds).toBe(best + 1);
    expect(JSON.stringify(early.trees.map((t) => Array.from(t.leafValue)))).toBe(
      JSON.stringify(full.trees.slice(0, 2 * (best + 1)).map((t) => Array.from(t.leafValue))),
    );
  });
});

describe('warm start', () => {
  it('equals one long run and keeps lowering the training loss', () => {
    const data = syntheticGbdtData(1200, 6, 7);
    const opts = { numRounds: 6, numLeaves: 7, seed: 3, ...sampled, baggingFreq: 4 };
    const first = trainGbdt(data, opts);
    const second = trainGbdt(data, opts, undefined, first);
    const straight = trainGbdt(data, { ...opts, numRounds: 12 });
    expect(second.trees).toHaveLength(36);
    // Same trees and init score; only config.numRounds (6 per call vs 12) differs.
    expect(
      firstDiff(JSON.stringify(second.toJSON().weights), JSON.stringify(straight.toJSON().weights)),
    ).toBe(-1);
    const loss = (m: GbdtModel): number => multiLogloss(m.predictRaw(data.x), data.y, 3);
    expect(loss(second)).toBeLessThan(loss(first) - 0.01);
  });
});

describe('feature importance', () => {
  it('sums gains per feature and gives an irrelevant feature almost none', () => {
    const data = xorData(3000, 21, 1);
    const m = trainGbdt(data, { numClasses: 2, numRounds: 20, numLeaves: 4, learningRate: 0.2 });
    const imp = m.featureImportance();
    expect(
      imp
        .map((i) => i.feature)
        .slice(0, 2)
        .sort(),
    ).toEqual(['f0', 'f1']);
    const total = imp.reduce((s, i) => s + i.gain, 0);
    let gainSum = 0;
    let splits = 0;
    for (const t of m.trees) {
      for (const g of t.gain) gainSum += g;
      splits += t.feature.length;
    }
    expect(total).toBeCloseTo(gainSum, 8);
    expect(imp.reduce((s, i) => s + i.split, 0)).toBe(splits);
    const noise = imp.find((i) => i.feature === 'f2');
    expect(noise?.gain ?? 0).toBeLessThan(0.02 * total);
  });
});
