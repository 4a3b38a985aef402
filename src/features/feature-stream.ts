import { DataValidationError } from '../core/index.js';
import {
  BarShapeFamily,
  type FeatureFamily,
  MacdFamily,
  OscillatorFamily,
  ReturnsFamily,
  TrendFamily,
  VolumeFamily,
  VwapFamily,
} from './feature-families.js';
import { FEATURE_NAMES, type FeatureName } from './feature-names.js';
import { FEATURE_SLOT, type FeatureStreamOptions, resolveStreamOptions } from './feature-stream-options.js';
import { BAR, BAR_FIELDS } from './streaming-indicator.js';
import { RollingVwapStream, SessionVwapStream } from './vwap-stream.js';

/**
 * Incremental features of one symbol: push one bar at a time and get the row the batch `buildFeatureTable`
 * computes for that bar (same selection, order and VWAP options), bit for bit, with its warm-up flag
 * (true ⇔ row index < the batch table's firstValid). Constant memory, O(1) per bar, no allocation per bar
 * with pushBar; only the feature families the selection needs are updated.
 * @example const fs = new FeatureStream({ tz: 'Asia/Kolkata', frequency: '5m' }); fs.push(ts, o, h, l, c, v, row)
 * @inferenceSafe causal per-series recursions and windows only, as the batch.
 */
export class FeatureStream {
  /** Output columns, in the order written to the caller's row. */
  readonly names: readonly FeatureName[];
  private readonly slots: Int32Array;
  private readonly families: FeatureFamily[];
  // The same families as typed fields (null = not selected): pushBar calls each at its own call site, so
  // every call is monomorphic and inlined (a loop over the array is a megamorphic call per family).
  private readonly trend: TrendFamily | null;
  private readonly macd: MacdFamily | null;
  private readonly oscillator: OscillatorFamily | null;
  private readonly volume: VolumeFamily | null;
  private readonly returns: ReturnsFamily | null;
  private readonly barShape: BarShapeFamily | null;
  private readonly vwap: VwapFamily | null;
  // Every feature of the updated families, in FEATURE_NAMES order (FEATURE_SLOT).
  private readonly row = new Float64Array(FEATURE_NAMES.length).fill(Number.NaN);
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  private lastTs = Number.NEGATIVE_INFINITY;
  private pushed = 0;
  private warming = true;

  /** Validates the options as buildFeatureTable does (ConfigError); see resolveStreamOptions. */
  constructor(opts: FeatureStreamOptions) {
    const { names, vwapMode } = resolveStreamOptions(opts);
    this.names = names;
    this.slots = Int32Array.from(names, (n) => FEATURE_SLOT[n]);
    const all: FeatureFamily[] = [
      new TrendFamily(),
      new MacdFamily(),
      new OscillatorFamily(),
      new VolumeFamily(),
      new ReturnsFamily(),
      new BarShapeFamily(),
    ];
    // vwapMode is null unless close_vwap is selected; the twin is built only then, as the batch's lazily.
    if (vwapMode === 'session') all.push(new VwapFamily(new SessionVwapStream(opts.tz)));
    if (vwapMode === 'rolling') all.push(new VwapFamily(new RollingVwapStream(opts.vwapWindow ?? 20)));
    this.families = all.filter((f) => f.features.some((n) => names.includes(n)));
    const pick = <T extends FeatureFamily>(kind: new (...args: never[]) => T): T | null =>
      (this.families.find((f) => f instanceof kind) as T | undefined) ?? null;
    this.trend = pick(TrendFamily);
    this.macd = pick(MacdFamily);
    this.oscillator = pick(OscillatorFamily);
    this.volume = pick(VolumeFamily);
    this.returns = pick(ReturnsFamily);
    this.barShape = pick(BarShapeFamily);
    this.vwap = pick(VwapFamily);
  }

  /** Bars pushed so far. */
  get rows(): number {
    return this.pushed;
  }

  /** True until the first row whose selected features are all finite, then false for good. */
  get warmup(): boolean {
    return this.warming;
  }

  /** Back to the state before the first bar (e.g. before replaying a series from its start). */
  reset(): void {
    this.pushed = 0;
    this.warming = true;
    this.lastTs = Number.NEGATIVE_INFINITY;
    this.row.fill(Number.NaN);
    for (const f of this.families) f.reset();
  }

  /**
   * Adds the next bar and writes its feature row (this.names order) into `out[0 .. names.length)`.
   * Returns the row's warm-up flag. Throws DataValidationError unless `ts` is after the previous bar's.
   */
  push(
    ts: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    out: Float64Array,
  ): boolean {
    const b = this.bar;
    b[BAR.ts] = ts;
    b[BAR.open] = open;
    b[BAR.high] = high;
    b[BAR.low] = low;
    b[BAR.close] = close;
    b[BAR.volume] = volume;
    return this.pushBar(b, out);
  }

  /**
   * As push, with the bar as [ts, open, high, low, close, volume] (BAR_FIELDS order). Numbers in a typed
   * array cross calls unboxed, so a hot loop over pushBar allocates nothing (push's arguments may be boxed).
   */
  pushBar(bar: Float64Array, out: Float64Array): boolean {
    const ts = bar[BAR.ts];
    if (!(ts > this.lastTs)) this.rejectTs(bar);
    this.lastTs = ts;
    this.pushed++;
    const r = this.row;
    // In the order of `all` in the constructor (families write disjoint slots of the row).
    if (this.trend !== null) this.trend.update(bar, r);
    if (this.macd !== null) this.macd.update(bar, r);
    if (this.oscillator !== null) this.oscillator.update(bar, r);
    if (this.volume !== null) this.volume.update(bar, r);
    if (this.returns !== null) this.returns.update(bar, r);
    if (this.barShape !== null) this.barShape.update(bar, r);
    if (this.vwap !== null) this.vwap.update(bar, r);
    const slots = this.slots;
    for (let j = 0; j < slots.length; j++) out[j] = r[slots[j]];
    if (this.warming) {
      let all = true;
      for (let j = 0; j < slots.length && all; j++) all = Number.isFinite(out[j]);
      this.warming = !all;
    }
    return this.warming;
  }

  private rejectTs(bar: Float64Array): never {
    throw new DataValidationError('bars must arrive in time order', [
      {
        path: 'ts',
        message: `bar ${this.pushed} is not after the previous bar`,
        value: bar[BAR.ts],
        fix: 'push each bar once, in increasing time order (call reset() to start the series over)',
      },
    ]);
  }
}
