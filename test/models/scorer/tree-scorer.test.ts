import { describe, expect, it } from 'vitest';
import { ArtifactError } from '../../../src/core/index.js';
import { exportScorer, loadScorer, type TreeScorerJson } from '../../../src/models/index.js';

/** Two classes, one round: tree 0 (class 0) splits on b with NaN → left; tree 1 (class 1) is a single leaf. */
function handTrees(temperature = 1): TreeScorerJson {
  return {
    format: 'sensequant-scorer/1',
    kind: 'trees',
    featureNames: ['a', 'b'],
    classes: ['UP', 'DOWN'],
    initScore: [0.5, -0.5],
    trees: [
      // Node 0: b <= 1 → node 1, else leaf 2 (value 3); node 1: a <= 0 → leaf 0 (1), else leaf 1 (2), NaN → right.
      {
        feature: [1, 0],
        threshold: [1, 0],
        defaultLeft: [1, 0],
        left: [1, -1],
        right: [-3, -2],
        leafValue: [1, 2, 3],
      },
      { feature: [], threshold: [], defaultLeft: [], left: [], right: [], leafValue: [0.25] },
    ],
    temperature,
  };
}

const softmax2 = (a: number, b: number): number[] => {
  const m = Math.max(a, b);
  const ea = Math.exp(a - m);
  const eb = Math.exp(b - m);
  return [ea / (ea + eb), eb / (ea + eb)];
};

describe('compiled tree scorer on hand-made trees', () => {
  it('walks the trees with NaN default directions, then applies temperature and softmax', () => {
    const s = loadScorer(handTrees(2));
    const out = new Float64Array(2);
    // [row, leaf of tree 0]; raw = (0.5 + leaf, −0.5 + 0.25), probabilities = softmax(raw / 2).
    const cases: [number[], number][] = [
      [[-1, 0], 1], // b <= 1, a <= 0
      [[1, 0], 2], // b <= 1, a > 0
      [[-1, 5], 3], // b > 1
      [[-1, Number.NaN], 1], // b NaN → left, a <= 0
      [[Number.NaN, Number.NaN], 2], // b NaN → left, a NaN → right
      [[Number.NaN, 2], 3], // b > 1
    ];
    for (const [row, leaf] of cases) {
      s.scoreInto(Float64Array.from(row), out);
      const p = softmax2((0.5 + leaf) / 2, -0.25 / 2);
      expect([...out], String(row)).toEqual(p.map((v) => expect.closeTo(v, 14)));
    }
    expect(s.predict(Float64Array.of(-1, 5)).classIndex).toBe(0);
    expect(s.stats.calls).toBe(cases.length + 1);
  });

  it('rejects corrupt tree scorer JSON with an ArtifactError naming the path', () => {
    const issuePaths = (json: unknown): string[] => {
      try {
        loadScorer(json);
      } catch (e) {
        expect(e).toBeInstanceOf(ArtifactError);
        return (e as ArtifactError).issues.map((i) => i.path);
      }
      throw new Error('expected an ArtifactError');
    };
    const loop = handTrees();
    loop.trees[0].left[1] = 0;
    expect(issuePaths(loop)).toContain('scorer.trees.0.left.1');
    const badFeature = handTrees();
    badFeature.trees[0].feature[0] = 2;
    expect(issuePaths(badFeature)).toContain('scorer.trees.0.feature');
    expect(issuePaths({ ...handTrees(), initScore: [0] })).toContain('scorer.initScore');
    expect(issuePaths({ ...handTrees(), trees: handTrees().trees.slice(0, 1) })).toContain('scorer.trees');
    expect(issuePaths({ ...handTrees(), temperature: 0 })).toContain('scorer.temperature');
  });

  it('exportScorer rejects a GbdtStudent with corrupt trees or config', () => {
    expect(() => exportScorer({ className: 'GbdtStudent', config: {}, weights: {} })).toThrow(ArtifactError);
    expect(() =>
      exportScorer({
        className: 'GbdtStudent',
        config: { calibrationTemperature: 1 },
        weights: { trees: [] },
      }),
    ).toThrow(ArtifactError);
  });
});
