import { COUNTS, RollingCounts } from './rolling-counts.js';

const HOUR_MS = 3_600_000;

/** Monitoring settings in engine units (hours → milliseconds of bar time). */
export interface MonitorConfig {
  windowMs: number;
  minSamples: number;
  precisionDropThreshold: number;
  hitRatioDropThreshold: number;
  cooldownMs: number;
  autoRollback: boolean;
  confirmationMs: number;
}

/** The promoted model's validation metrics the live ones are compared with (null = not recorded). */
export interface ValidationBaseline {
  precision: number | null;
  hitRatio: number | null;
  /** File they were read from. */
  source: string;
}

/** One metric that fell further below validation than its threshold allows. */
export interface Breach {
  metric: 'precision' | 'hit_ratio';
  rolling: number;
  validation: number;
  drop: number;
  threshold: number;
  samples: number;
}

/** What one evaluation found (a reused object: copy what you keep). */
export interface Evaluation {
  time: number;
  /** Rolling precision (LONG) and hit ratio, null below min samples. */
  precision: number | null;
  precisionSamples: number;
  hitRatio: number | null;
  hitSamples: number;
  breaches: Breach[];
  /** True when this evaluation raises an alert (a breach, and the cooldown since the last alert is over). */
  alert: boolean;
  /** True when auto-rollback is on and the degradation has persisted through the confirmation period. */
  rollback: boolean;
  /** Start of the current degradation (bar time), NaN when none. */
  degradedSince: number;
}

/** Monitoring settings from the environment settings (hours of bar time). */
export function monitorConfig(s: {
  windowHours: number;
  minSamples: number;
  precisionDropThreshold: number;
  hitRatioDropThreshold: number;
  alertCooldownHours: number;
  autoRollbackEnabled: boolean;
  autoRollbackConfirmationHours: number;
}): MonitorConfig {
  return {
    windowMs: s.windowHours * HOUR_MS,
    minSamples: s.minSamples,
    precisionDropThreshold: s.precisionDropThreshold,
    hitRatioDropThreshold: s.hitRatioDropThreshold,
    cooldownMs: s.alertCooldownHours * HOUR_MS,
    autoRollback: s.autoRollbackEnabled,
    confirmationMs: s.autoRollbackConfirmationHours * HOUR_MS,
  };
}

/**
 * Rolling live metrics of the student against its validation, with the alert and rollback rules. Fed
 * realised outcomes in bar-time order (`at(time)` then the outcomes of that bar time; the time is set
 * once per bar time rather than passed per outcome, which would box a double per call); pure (no I/O,
 * no wall clock). Precision (LONG) counts the student's
 * LONG decisions whose horizon has passed; the hit ratio counts bars its positions were held, as the
 * validation backtest does. A metric drops when validation − rolling > its threshold; the first drop
 * starts a degradation, which alerts at most once per cooldown and requests a rollback once it has lasted
 * the confirmation period (auto-rollback on). An evaluation without a drop ends the degradation.
 */
export class StudentMonitor {
  private readonly window = new RollingCounts();
  /** Session totals (never evicted): longs, longHits, inMarket, hits, labelled, correct. */
  readonly cumulative = new Float64Array(6);
  private lastAlert = Number.NEGATIVE_INFINITY;
  private degradedSince = Number.NaN;
  private readonly result: Evaluation = {
    time: Number.NaN,
    precision: null,
    precisionSamples: 0,
    hitRatio: null,
    hitSamples: 0,
    breaches: [],
    alert: false,
    rollback: false,
    degradedSince: Number.NaN,
  };

  constructor(
    readonly config: MonitorConfig,
    public baseline: ValidationBaseline,
  ) {}

  /** Sets the bar time the next outcomes are recorded at (the engine's clock; non-decreasing). */
  at(time: number): void {
    this.window.at(time);
  }

  /** A decision whose horizon has passed now: was it LONG, and was the realised label its class. */
  recordOutcome(long: boolean, correct: boolean): void {
    this.cumulative[4]++;
    if (correct) this.cumulative[5]++;
    if (!long) return;
    this.window.add(COUNTS.longs);
    this.cumulative[0]++;
    if (correct) {
      this.window.add(COUNTS.longHits);
      this.cumulative[1]++;
    }
  }

  /** A bar the student's position was held through (now), and whether it moved the position's way. */
  recordHeldBar(hit: boolean): void {
    this.window.add(COUNTS.inMarket);
    this.cumulative[2]++;
    if (hit) {
      this.window.add(COUNTS.hits);
      this.cumulative[3]++;
    }
  }

  /** Evaluates the window ending at `now` (bar time). */
  evaluate(now: number): Evaluation {
    const c = this.config;
    const r = this.result;
    this.window.evict(now - c.windowMs);
    const t = this.window.totals;
    r.time = now;
    r.precisionSamples = t[COUNTS.longs];
    r.hitSamples = t[COUNTS.inMarket];
    r.precision = r.precisionSamples >= c.minSamples ? t[COUNTS.longHits] / r.precisionSamples : null;
    r.hitRatio = r.hitSamples >= c.minSamples ? t[COUNTS.hits] / r.hitSamples : null;
    r.breaches = [];
    this.check(
      r,
      'precision',
      r.precision,
      this.baseline.precision,
      c.precisionDropThreshold,
      r.precisionSamples,
    );
    this.check(r, 'hit_ratio', r.hitRatio, this.baseline.hitRatio, c.hitRatioDropThreshold, r.hitSamples);
    r.alert = false;
    r.rollback = false;
    if (r.breaches.length === 0) {
      this.degradedSince = Number.NaN;
    } else {
      if (Number.isNaN(this.degradedSince)) this.degradedSince = now;
      if (now - this.lastAlert >= c.cooldownMs) {
        r.alert = true;
        this.lastAlert = now;
      }
      r.rollback = c.autoRollback && now - this.degradedSince >= c.confirmationMs;
    }
    r.degradedSince = this.degradedSince;
    return r;
  }

  /** Starts over for a new model: empty window, no degradation, no cooldown, the new validation baseline. */
  reset(baseline: ValidationBaseline): void {
    this.baseline = baseline;
    this.window.clear();
    this.lastAlert = Number.NEGATIVE_INFINITY;
    this.degradedSince = Number.NaN;
  }

  private check(
    r: Evaluation,
    metric: Breach['metric'],
    rolling: number | null,
    validation: number | null,
    threshold: number,
    samples: number,
  ): void {
    if (rolling === null || validation === null) return;
    const drop = validation - rolling;
    if (drop > threshold) r.breaches.push({ metric, rolling, validation, drop, threshold, samples });
  }
}
