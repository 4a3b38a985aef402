import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { evaluateClassifier, precisionRecallCurve, rocAuc, signalAnalysis } from '../../src/eval/index.js';
import {
  compareModels,
  confusionFigure,
  directionalScore,
  icFigure,
  modelComparisonFigure,
  precisionRecallFigure,
  quantileFigure,
  reliability,
  reliabilityFigure,
  rocFigure,
  signalRows,
} from '../../src/report/index.js';

// 400 rows, 3 classes; the "student" sees the label through noise, the "teacher" a bit less.
function fixture() {
  const rng = createRng('report-eval');
  const n = 400;
  const y = new Int32Array(n);
  const make = () => new Float64Array(n * 3);
  const teacher = make();
  const student = make();
  for (let i = 0; i < n; i++) {
    y[i] = rng.int(3);
    for (const [p, s] of [
      [teacher, 1.2],
      [student, 1.6],
    ] as const) {
      const z = [0, 1, 2].map((k) => (k === y[i] ? s : 0) + rng.normal());
      const e = z.map(Math.exp);
      const t = e[0] + e[1] + e[2];
      for (let k = 0; k < 3; k++) p[i * 3 + k] = e[k] / t;
    }
  }
  return {
    y,
    models: [
      { name: 'teacher', proba: teacher },
      { name: 'student', proba: student },
    ],
  };
}

describe('evaluation figures', () => {
  const { y, models } = fixture();

  it('compareModels reports exactly what evaluateClassifier computes (the code behind evaluation_metrics.json)', () => {
    const rows = compareModels(y, models);
    const r = evaluateClassifier(y, models[1].proba, 3).report;
    const get = (m: string) => rows.find((x) => x.metric === m)?.student;
    expect(get('accuracy')).toBe(r.test_metrics.accuracy);
    expect(get('AUC SHORT')).toBe(r.test_metrics.auc.SHORT);
    expect(get('ECE (15 bins)')).toBe(r.calibration_metrics.expected_calibration_error);
    expect(rows.find((x) => x.metric === 'log loss')?.higher_is_better).toBe(false);
    const fig = modelComparisonFigure(rows, ['teacher', 'student']);
    expect(fig.data.map((t) => t.name)).toEqual(['teacher', 'student']);
    expect((fig.data[1].y as number[])[0]).toBe(r.test_metrics.accuracy);
  });

  it('reliability: one point per non-empty bin, ECE in the legend, the diagonal first', () => {
    const rel = reliability('student', y, models[1].proba);
    const fig = reliabilityFigure([rel]);
    expect(fig.data[0].x).toEqual([0, 1]);
    expect(fig.data[1].name).toBe(`student (ECE ${rel.ece.toFixed(4)})`);
    expect((fig.data[2].y as number[]).reduce((s, v) => s + v, 0)).toBe(400); // rows per bin
  });

  it('ROC and PR panels per class carry each model’s AUC / average precision', () => {
    const score = Float64Array.from({ length: 400 }, (_, i) => models[0].proba[i * 3 + 1]);
    const pos = Uint8Array.from(y, (c) => (c === 1 ? 1 : 0));
    const roc = rocFigure(y, models);
    expect(roc.data.map((t) => t.name)).toContain(`teacher SHORT (AUC ${rocAuc(score, pos).toFixed(3)})`);
    const pr = precisionRecallFigure(y, models);
    expect(pr.data.map((t) => t.name)).toContain(
      `teacher SHORT (AP ${precisionRecallCurve(score, pos).averagePrecision.toFixed(3)})`,
    );
    expect(roc.layout.xaxis3).toBeDefined();
  });

  it('confusion heatmaps show counts and the share of each actual class', () => {
    const fig = confusionFigure(y, models);
    const cm = evaluateClassifier(y, models[0].proba, 3).report.confusion_matrix;
    const text = fig.data[0].text as string[][];
    const row = cm.LONG.LONG + cm.LONG.SHORT + cm.LONG.NOOP;
    expect(text[0][0]).toBe(`${cm.LONG.LONG}<br>${((100 * cm.LONG.LONG) / row).toFixed(1)}%`);
    expect(fig.data).toHaveLength(2);
  });
});

describe('signal figures', () => {
  it('directional score is p(LONG) − p(SHORT); tables and figures carry the analysis numbers', () => {
    expect(Array.from(directionalScore(Float64Array.from([0.5, 0.2, 0.3, 0.1, 0.6, 0.3])))).toEqual([
      0.3,
      0.1 - 0.6,
    ]);
    const rng = createRng('sig-fig');
    const ts: number[] = [];
    const score: number[] = [];
    const ret: number[] = [];
    for (let d = 0; d < 20; d++)
      for (let s = 0; s < 10; s++) {
        const x = rng.normal();
        ts.push(Date.UTC(2024, 0, 1 + d) - 19_800_000);
        score.push(x);
        ret.push(0.01 * x + 0.01 * rng.normal());
      }
    const a = signalAnalysis({ ts, score, forwardReturn: ret });
    const rows = signalRows(a);
    expect(rows.find((r) => r.statistic === 'rank IC mean')?.value).toBe(a.ic.rankIcMean);
    const ic = icFigure(a, 'Asia/Kolkata');
    expect((ic.data[0].x as string[])[0]).toBe('2024-01-01');
    const q = quantileFigure(a, 'Asia/Kolkata');
    expect((q.data[0].y as number[]).length).toBe(6); // Q1..Q5 + long–short
    expect(q.data[0].x).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'long–short']);
  });
});
