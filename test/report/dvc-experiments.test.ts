import { describe, expect, it } from 'vitest';
import {
  experimentsTable,
  metricsVsParamFigure,
  parseDvcExpShow,
  varyingParams,
} from '../../src/report/index.js';

const M = 'reports/validation/validation_results.json';
const entry = (
  rev: string,
  name: string | null,
  horizon: number,
  sharpe: number,
  experiments: unknown = null,
) => ({
  rev,
  name,
  data: {
    rev,
    params: { 'params.yaml': { data: { teacher: { horizon, features: ['a', 'b'] }, base: { seed: 42 } } } },
    metrics: { [M]: { data: { candidate: { summary: { sharpe_ratio: sharpe } }, note: 'text' } } },
  },
  error: null,
  experiments,
});

// The shape of `dvc exp show --json` (DVC 3): workspace, the commit, and its experiments under `experiments`.
const SHOW = [
  entry('workspace', null, 5, 9.3),
  entry('9e6e2c4152d587f2820e02d8acdfc0ace2c9c18f', 'main', 5, 9.3, [
    { name: 'horizon10', revs: [entry('aaaaaaa1111', 'horizon10', 10, 7.1)] },
    { name: 'horizon3', revs: [entry('bbbbbbb2222', null, 3, 4.2)] },
  ]),
];

describe('dvc experiments', () => {
  const rows = parseDvcExpShow(SHOW);

  it('flattens the workspace, commits and experiments (params by dotted key, numeric metrics by file:key)', () => {
    expect(rows.map((r) => r.name)).toEqual(['workspace', 'main', 'horizon10', 'horizon3']);
    expect(rows[2].baseline).toBe('9e6e2c4152d587f2820e02d8acdfc0ace2c9c18f');
    expect(rows[2].params['teacher.horizon']).toBe(10);
    expect(rows[2].params['teacher.features']).toBe('["a","b"]');
    expect(rows[2].metrics).toEqual({ [`${M}:candidate.summary.sharpe_ratio`]: 7.1 });
    expect(parseDvcExpShow({ not: 'a list' })).toEqual([]);
  });

  it('finds the params that vary and tables them with the metrics', () => {
    expect(varyingParams(rows)).toEqual(['teacher.horizon']);
    const t = experimentsTable(rows, ['teacher.horizon'], [`${M}:candidate.summary.sharpe_ratio`]);
    expect(t[0].baseline).toBe('workspace');
    expect(t[3]).toEqual({
      experiment: 'horizon3',
      baseline: '9e6e2c4',
      'teacher.horizon': 3,
      'validation:candidate.summary.sharpe_ratio': 4.2,
    });
  });

  it('plots each metric against a param, one named point per experiment', () => {
    const f = metricsVsParamFigure(rows, 'teacher.horizon', [
      `${M}:candidate.summary.sharpe_ratio`,
      'missing:x',
    ]);
    expect(f.data).toHaveLength(2);
    expect(f.data[0].x).toEqual([5, 5, 10, 3]);
    expect(f.data[0].y).toEqual([9.3, 9.3, 7.1, 4.2]);
    expect(f.data[1].y).toEqual([null, null, null, null]);
  });
});
