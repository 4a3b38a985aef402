import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateParams } from '../../src/config/index.js';
import { generateSyntheticMarket } from '../../src/data/index.js';
import type { FeatureTable } from '../../src/features/index.js';
import { labelForwardReturns } from '../../src/labels/index.js';
import {
  criteriaRows,
  perSymbolUpliftRows,
  policyComparisonRows,
  promotionReportMarkdown,
  readValidationReport,
} from '../../src/report/index.js';
import {
  buyAndHoldPolicy,
  type Policy,
  runValidation,
  smaPolicy,
  writeValidationArtifacts,
} from '../../src/validation/index.js';

const p = validateParams({});
if (!p.ok) throw new Error('defaults');
const SYMBOLS = ['TCS', 'INFY', 'ITC', 'SBIN', 'ONGC'];
const bars = generateSyntheticMarket({
  seed: 5,
  symbols: SYMBOLS,
  start: '2023-01-01',
  end: '2023-12-31',
  frequency: '1d',
});
const tables = bars.map(
  (b) => ({ symbol: b.symbol, ts: b.ts, names: [], columns: [], firstValid: 0 }) as FeatureTable,
);
const forward = new Map(
  bars.map((b) => [b.symbol, labelForwardReturns(b, { horizon: 5, minHoldingReturn: 0.005 }).forwardReturn]),
);

/** A model-like policy whose p(LONG) − p(SHORT) is the 5-bar momentum (a real, weak signal). */
const momentum: Policy = {
  name: 'Momentum',
  version: 'test:momentum',
  decide(b, _t, lo, hi) {
    const m = hi - lo;
    const proba = new Float64Array(m * 3);
    const target = new Int8Array(m);
    for (let i = 0; i < m; i++) {
      const t = lo + i;
      const mom = t >= 5 ? b.close[t] / b.close[t - 5] - 1 : 0;
      const up = 1 / (1 + Math.exp(-40 * mom));
      proba.set([0.9 * up, 0.9 * (1 - up), 0.1], i * 3);
      target[i] = up > 0.5 ? 1 : -1;
    }
    return {
      target,
      pred: Int8Array.from(target, (x) => (x > 0 ? 0 : 1)),
      confidence: new Float64Array(m).fill(0.6),
      proba,
    };
  },
};

function writtenValidation(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sq-promo-'));
  const o = runValidation(
    momentum,
    smaPolicy({ threshold: 0.5, allowShort: true }),
    {
      bars,
      tables,
      startMs: bars[0].ts[120],
      endMs: Number.POSITIVE_INFINITY,
      frequency: '1d',
      barsPerYear: 252,
      costs: { commissionBps: 3, slippageBps: 5 },
      horizon: 5,
      minHoldingReturn: 0.005,
      bootstrapSamples: 200,
      seed: 1,
      trials: 1,
    },
    [buyAndHoldPolicy()],
  );
  writeValidationArtifacts(dir, o, p.ok ? p.value.validation.thresholds : ({} as never), {
    timestamp: '2023-12-29T00:00:00.000Z',
    candidateDir: 'data/models/student',
    candidateModel: 'data/models/student/student_model.json',
    candidateSha256: 'b'.repeat(64),
    baselineModel: 'rule: SMA(20)/SMA(50) crossover',
    configHash: 'abcd1234',
    registryRoot: 'data/models',
    tz: 'Asia/Kolkata',
    costs: { commissionBps: 3, slippageBps: 5 },
    forwardReturns: forward,
  });
  return dir;
}

describe('promotion report from the validation outputs', () => {
  const dir = writtenValidation();
  const r = readValidationReport(dir);

  it('reads checklist, results (with the signal block) and per-symbol metrics back', () => {
    expect(['PROMOTE', 'REJECT']).toContain(r.checklist.recommendation);
    expect(r.checklistMarkdown).toContain('# Student Model Promotion Checklist');
    expect(r.results.signal?.rows).toBeGreaterThan(0);
    expect(Object.keys(r.perSymbol.candidate).sort()).toEqual([...SYMBOLS].sort());
  });

  it('tables criteria, policies side by side and the per-symbol uplift (best first)', () => {
    expect(criteriaRows(r).map((c) => c.criterion)).toEqual(r.checklist.criteria.map((c) => c.label));
    const pol = policyComparisonRows(r);
    expect(Object.keys(pol[0])).toEqual([
      'metric',
      'candidate',
      'SMA20/50 crossover (criteria)',
      'Buy and hold',
    ]);
    const up = perSymbolUpliftRows(r);
    expect(up).toHaveLength(5);
    for (const row of up) {
      const c = r.perSymbol.candidate[row.symbol as string].sharpe;
      const b = r.perSymbol.baseline[row.symbol as string].sharpe;
      expect(row.sharpe_uplift).toBeCloseTo(c - b, 12);
      expect(row.beats_baseline).toBe(c > b);
    }
    const u = up.map((x) => x.sharpe_uplift as number);
    expect(u).toEqual([...u].sort((a, b) => b - a));
  });

  it('writes the Markdown report: verdict and reason, criteria, significance, signal, per-symbol table, links', () => {
    const md = promotionReportMarkdown(r);
    expect(md.startsWith('# Promotion report\n\n')).toBe(true);
    expect(md).toContain(`**Recommendation: ${r.checklist.recommendation}** — ${r.checklist.reason}`);
    expect(md).toContain(
      `one-sided p-value of the Sharpe uplift **${Number(r.checklist.significance.p_value.toPrecision(4))}**`,
    );
    expect(md).toContain(
      `rank IC mean ${Number((r.results.signal as { rank_ic_mean: number }).rank_ic_mean.toPrecision(4))}`,
    );
    expect(md).toContain('| symbol | candidate_sharpe |');
    expect(md.match(/^\| (TCS|INFY|ITC|SBIN|ONGC) \|/gm)).toHaveLength(5);
    expect(md).toContain('- [03_promotion_report](03_promotion_report.html)');
    // Same files, same bytes.
    expect(promotionReportMarkdown(readValidationReport(dir))).toBe(md);
  });

  it('a missing validation file is an ArtifactError naming it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sq-promo-empty-'));
    writeFileSync(join(empty, 'promotion_checklist.md'), '# x');
    expect(() => readValidationReport(empty)).toThrow(/promotion_checklist\.json/);
  });
});
