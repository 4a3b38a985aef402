import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/data/index.js';
import { computeFeatures } from '../../src/features/index.js';
import { setGbdtThreadBudget } from '../../src/models/index.js';
import {
  buildLabelledRows,
  fitPoolSize,
  setFitPoolMinCells,
  trainTeacher,
} from '../../src/training/index.js';
import { smallContext } from '../integration/helpers.js';

/**
 * The teacher's six fits through the worker pool against the same fits one after the other on the
 * calling thread. The pool needs the compiled worker (dist/, built by `npm test` before vitest).
 */
describe('teacher fit pool', () => {
  afterEach(() => {
    setFitPoolMinCells(undefined);
    setGbdtThreadBudget(undefined);
  });

  it('gives the bytes of sequential fits: final model, out-of-fold probabilities, evaluation', async () => {
    const ctx = smallContext({
      data: { symbols: ['TCS', 'INFY', 'ITC'] },
      teacher: { gbdt: { num_rounds: 25 } },
    });
    const { series } = ingest(ctx.params);
    const rows = buildLabelledRows(series, computeFeatures(ctx.params, series), {
      horizon: ctx.params.teacher.horizon,
      minHoldingReturn: ctx.params.teacher.min_holding_return,
    });
    // A thread budget of one keeps the fits on the calling thread: the reference run.
    setGbdtThreadBudget(1);
    setFitPoolMinCells(0);
    const jobs = [
      { fit: new Int32Array(10), predict: new Int32Array(1) },
      { fit: new Int32Array(10), predict: new Int32Array(1) },
    ];
    expect(fitPoolSize(ctx.params, rows.x, jobs)).toBe(0);
    const inline = await trainTeacher(ctx.params, rows);
    setGbdtThreadBudget(2);
    expect(fitPoolSize(ctx.params, rows.x, jobs)).toBe(2);
    const pooled = await trainTeacher(ctx.params, rows);
    expect(pooled.oofFolds).toBe(inline.oofFolds);
    expect(JSON.stringify(pooled.model.toJSON())).toBe(JSON.stringify(inline.model.toJSON()));
    expect(Buffer.from(pooled.proba.buffer).equals(Buffer.from(inline.proba.buffer))).toBe(true);
    expect(pooled.evaluation.report).toEqual(inline.evaluation.report);
    // The out-of-fold rows really hold fold models' probabilities, not the final model's.
    const finalProba = inline.model.predictProba(rows.x);
    let differ = 0;
    for (let i = 0; i < finalProba.length; i++) if (finalProba[i] !== pooled.proba[i]) differ++;
    expect(differ).toBeGreaterThan(0);
  }, 120_000);

  it('stays on the calling thread for small data and for the MLP teacher', () => {
    const ctx = smallContext({});
    const jobs = [
      { fit: new Int32Array(1000), predict: new Int32Array(10) },
      { fit: new Int32Array(800), predict: new Int32Array(10) },
    ];
    const x = { n: 1000, d: 24, columns: [], featureNames: [] };
    expect(fitPoolSize(ctx.params, x, jobs)).toBe(0);
    setFitPoolMinCells(0);
    const mlp = { ...ctx.params, teacher: { ...ctx.params.teacher, model_type: 'mlp' as const } };
    expect(fitPoolSize(mlp, x, jobs)).toBe(0);
  });
});
