import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { COUNTS, monitorConfig, RollingCounts, StudentMonitor } from '../../src/live/index.js';

const H = 3_600_000;

/** An outcome (and a held bar) recorded at bar time `t`. */
function outcome(m: StudentMonitor, t: number, long: boolean, correct: boolean): void {
  m.at(t);
  m.recordOutcome(long, correct);
}

function held(m: StudentMonitor, t: number, hit: boolean): void {
  m.at(t);
  m.recordHeldBar(hit);
}

describe('RollingCounts', () => {
  it('keeps window totals equal to a naive recount while buckets arrive, leave and the ring grows', () => {
    const rng = createRng('rolling');
    const rc = new RollingCounts();
    const events: [number, number][] = [];
    let t = 0;
    for (let step = 0; step < 3000; step++) {
      t += rng.int(3) * H; // several outcomes may share a bar time
      const field = rng.int(4);
      rc.at(t);
      rc.add(field);
      events.push([t, field]);
      const cutoff = t - 400 * H;
      rc.evict(cutoff);
      if (step % 97 === 0) {
        const naive = [0, 0, 0, 0];
        for (const [et, f] of events) if (et > cutoff) naive[f]++;
        expect(Array.from(rc.totals)).toEqual(naive);
      }
    }
    expect(rc.buckets).toBeGreaterThan(256); // grew past its initial capacity
    rc.clear();
    expect(Array.from(rc.totals)).toEqual([0, 0, 0, 0]);
    expect(COUNTS.hits).toBe(3);
  });
});

describe('StudentMonitor: rolling metrics against validation, alerts with cooldown, rollback after confirmation', () => {
  const cfg = monitorConfig({
    windowHours: 10,
    minSamples: 4,
    precisionDropThreshold: 0.2,
    hitRatioDropThreshold: 0.3,
    alertCooldownHours: 3,
    autoRollbackEnabled: true,
    autoRollbackConfirmationHours: 5,
  });

  it('computes precision and hit ratio over the window, null below min samples', () => {
    const m = new StudentMonitor(cfg, { precision: 0.8, hitRatio: 0.7, source: 'v' });
    outcome(m, 1 * H, true, true);
    outcome(m, 1 * H, false, false); // not LONG: accuracy only
    held(m, 1 * H, true);
    outcome(m, 2 * H, true, true);
    outcome(m, 3 * H, true, false);
    let e = m.evaluate(3 * H);
    expect([e.precision, e.precisionSamples, e.hitRatio, e.hitSamples]).toEqual([null, 3, null, 1]);
    outcome(m, 4 * H, true, true);
    e = m.evaluate(4 * H);
    expect(e.precision).toBe(3 / 4); // drop 0.05 < 0.2: fine
    expect(e.breaches).toEqual([]);
    // At 11 h the 1 h bucket (≤ 11 − 10) leaves the window: 2 longs of 3 right... below min samples again.
    e = m.evaluate(11 * H);
    expect([e.precision, e.precisionSamples]).toEqual([null, 3]);
    expect(Array.from(m.cumulative)).toEqual([4, 3, 1, 1, 5, 3]);
  });

  it('alerts on a drop beyond the threshold at most once per cooldown and requests a rollback once it persisted', () => {
    const m = new StudentMonitor(cfg, { precision: 0.8, hitRatio: 0.7, source: 'v' });
    const seen: [number, boolean, boolean, number][] = [];
    for (let h = 0; h <= 9; h++) {
      // From hour 2 on every LONG decision is wrong: the window's precision falls below 0.6.
      outcome(m, h * H, true, h < 2);
      const e = m.evaluate(h * H);
      seen.push([h, e.alert, e.rollback, e.breaches.length]);
    }
    // precision by hour (≥ 4 samples from h = 3): 2/4 = 0.5 at h3 → drop 0.3 > 0.2.
    expect(seen).toEqual([
      [0, false, false, 0],
      [1, false, false, 0],
      [2, false, false, 0],
      [3, true, false, 1], // first breach: alert, degradation starts at 3 h
      [4, false, false, 1], // cooldown (3 h) not over
      [5, false, false, 1],
      [6, true, false, 1], // 3 h after the last alert
      [7, false, false, 1],
      [8, false, true, 1], // 5 h since 3 h: rollback requested
      [9, true, true, 1],
    ]);
    const e = m.evaluate(9 * H);
    expect(e.breaches[0]).toMatchObject({ metric: 'precision', validation: 0.8, threshold: 0.2 });
    expect(e.degradedSince).toBe(3 * H);
  });

  it('a clean evaluation ends the degradation (the confirmation period starts over); no baseline → no alert', () => {
    const m = new StudentMonitor(cfg, { precision: 0.8, hitRatio: null, source: 'v' });
    for (let i = 0; i < 4; i++) outcome(m, 0, true, false);
    expect(m.evaluate(0).degradedSince).toBe(0);
    for (let i = 0; i < 40; i++) outcome(m, 1 * H, true, true);
    const e = m.evaluate(1 * H);
    expect([e.breaches.length, e.degradedSince]).toEqual([0, Number.NaN]);
    // Hit ratio 0 over many bars, but the validation baseline has no hit ratio: nothing to compare.
    for (let i = 0; i < 40; i++) held(m, 2 * H, false);
    expect(m.evaluate(2 * H).breaches).toEqual([]);
    m.reset({ precision: 0.5, hitRatio: 0.5, source: 'w' });
    expect([m.evaluate(3 * H).precisionSamples, m.baseline.source]).toEqual([0, 'w']);
  });
});
