import { describe, expect, it } from 'vitest';
import {
  deflatedSharpe,
  deflatedSharpeFromStats,
  expectedMaxSharpe,
  probabilisticSharpe,
  psrFromStats,
  returnMoments,
} from '../../src/backtest/index.js';

describe('probabilistic Sharpe ratio', () => {
  it('PSR from given statistics, worked by hand', () => {
    // SR = 0.1 per bar, n = 101, skew −1, kurtosis 5:
    // bracket = 1 − (−1)(0.1) + (5 − 1)/4 × 0.1² = 1 + 0.1 + 0.01 = 1.11
    // z = (0.1 − 0) × √100 / √1.11 = 1 / 1.0535653753 = 0.9491579958 → Φ(z) = 0.8287298693
    // against SR* = 0.05: z = 0.05 × 10 / 1.0535653753 = 0.4745789979 → Φ = 0.6824564606
    const stats = { sharpe: 0.1, n: 101, skew: -1, kurtosis: 5 };
    expect(psrFromStats(stats)).toBeCloseTo(0.8287298693320726, 12);
    expect(psrFromStats(stats, 0.05)).toBeCloseTo(0.6824564606228175, 12);
  });

  it('PSR of a return series uses sample-std SR and population skew/kurtosis', () => {
    // r = [0.01, −0.02, 0.03, 0]: SR = 0.2401922307 (see performance-metrics test)
    // d = [0.005, −0.025, 0.025, −0.005]: m2 = 0.0013/4 = 0.000325, m3 = 0 → skew 0
    // m4 = (2 × 0.005⁴ + 2 × 0.025⁴)/4 = (1.25e-9 + 7.8125e-7)/4 = 1.95625e-7
    // kurtosis = 1.95625e-7 / 0.000325² = 1.95625e-7 / 1.05625e-7 = 1.8520710059
    // bracket = 1 + (0.8520710059/4) × 0.2401922307² = 1.0122894857
    // z = 0.2401922307 × √3 / √1.0122894857 = 0.4134921032 → Φ = 0.6603769466
    const r = [0.01, -0.02, 0.03, 0];
    const m = returnMoments(r);
    expect(m.skew).toBeCloseTo(0, 14);
    expect(m.kurtosis).toBeCloseTo(1.85207100591716, 12);
    expect(probabilisticSharpe(r)).toBeCloseTo(0.6603769465599171, 12);
  });

  it('deflated Sharpe reproduces Bailey & López de Prado (2014) numerical example', () => {
    // N = 100 trials, V[SR] = 0.5 annualised, 250 bars/year, T = 1250, SR = 2.5 annualised, skew −3, kurt 10.
    // per bar: SR = 2.5/√250 = 0.1581138830, V = 0.5/250 = 0.002
    // Φ⁻¹(1 − 1/100) = 2.3263478740; Φ⁻¹(1 − 1/(100e)) = 2.6802104450; γ = 0.5772156649
    // SR0 = √0.002 × (0.4227843351 × 2.3263478740 + 0.5772156649 × 2.6802104450)
    //     = 0.0447213595 × (0.9835418045 + 1.5470594534) = 0.1131720019
    // bracket = 1 + 3 × 0.1581138830 + 9/4 × 0.0250 = 1.5305916490
    // z = (0.1581138830 − 0.1131720019) × √1249 / √1.5305916490 = 1.2838160365 → DSR = Φ(z) = 0.9003968344
    // (the paper reports DSR ≈ 0.9004)
    const res = deflatedSharpeFromStats(
      { sharpe: 2.5 / Math.sqrt(250), n: 1250, skew: -3, kurtosis: 10 },
      { trials: 100, srVariance: 0.5 / 250 },
    );
    expect(expectedMaxSharpe(100, 0.002)).toBeCloseTo(0.11317200186513203, 12);
    expect(res.sr0).toBeCloseTo(0.11317200186513203, 12);
    expect(res.dsr).toBeCloseTo(0.900396834449391, 10);
  });

  it('with one trial DSR equals PSR(0) and more trials only lower it', () => {
    const r = [0.01, -0.02, 0.03, 0, 0.015, -0.005, 0.02, -0.01];
    const one = deflatedSharpe(r, { trials: 1 });
    expect(one.sr0).toBe(0);
    expect(one.dsr).toBe(probabilisticSharpe(r, 0));
    const many = deflatedSharpe(r, { trials: 50 });
    expect(many.sr0).toBeGreaterThan(0);
    expect(many.dsr).toBeLessThan(one.dsr);
    expect(() => expectedMaxSharpe(0, 1)).toThrow();
  });
});
