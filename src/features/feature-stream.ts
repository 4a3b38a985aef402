import { DataValidationError } from '../core/index.js';
import { AdxStream } from './adx-stream.js';
import { AtrStream } from './atr-stream.js';
import { BollingerStream } from './bollinger-stream.js';
import { FEATURE_NAMES, type FeatureName } from './feature-names.js';
import { FLAT_WIDTH } from './feature-specs.js';
import {
  FEATURE_SLOT as F,
  type FeatureStreamOptions,
  resolveStreamOptions,
} from './feature-stream-options.js';
import { MacdStream } from './macd-stream.js';
import { ObvFlowStream } from './obv-stream.js';
import { LogReturnStream } from './returns-stream.js';
import { RollingStdStream } from './rolling-std-stream.js';
import { RsiStream } from './rsi-stream.js';
import { SmaStream } from './sma-stream.js';
import { BAR, BAR_FIELDS, type StreamingIndicator } from './streaming-indicator.js';
import { VolumeZStream } from './volume-z-stream.js';
import { RollingVwapStream, SessionVwapStream } from './vwap-stream.js';

/** Indicator families, each updated by one method when the selection needs one of its features. */
type Family = 'trend' | 'macd' | 'oscillators' | 'vwap' | 'volume' | 'returns';

/**
 * Incremental features of one symbol: push one bar at a time and get the row the batch `buildFeatureTable`
 * computes for that bar (same selection, order and VWAP options), bit for bit, with its warm-up flag
 * (true ⇔ row index < the batch table's firstValid). Constant memory, O(1) per bar, no allocation per bar
 * with pushBar; only the indicator families the selection needs are updated.
 * @example const fs = new FeatureStream({ tz: 'Asia/Kolkata', frequency: '5m' }); fs.push(ts, o, h, l, c, v, row)
 * @inferenceSafe causal per-series recursions and windows only, as the batch.
 */
export class FeatureStream {
  /** Output columns, in the order written to the caller's row. */
  readonly names: readonly FeatureName[];
  /** Bars pushed so far. */
  rows = 0;
  /** True until the first row whose selected features are all finite, then false for good. */
  warmup = true;
  private readonly slots: Int32Array;
  // Every feature of the updated families in FEATURE_NAMES order; twins read derived inputs from it too.
  private readonly row = new Float64Array(FEATURE_NAMES.length).fill(Number.NaN);
  private readonly bar = new Float64Array(BAR_FIELDS.length);
  private readonly use: Readonly<Record<Family, boolean>>;
  private readonly bands = new BollingerStream(20, 2);
  private readonly sma50 = new SmaStream(50);
  private readonly macd = new MacdStream(12, 26, 9);
  private readonly rsi = new RsiStream(14);
  private readonly atr = new AtrStream(14);
  private readonly adx = new AdxStream(14);
  private readonly rollingVwap: RollingVwapStream | null;
  private readonly sessionVwap: SessionVwapStream | null;
  private readonly obvFlow = new ObvFlowStream(20);
  private readonly volumeZ = new VolumeZStream(20);
  private readonly ret1 = new LogReturnStream(1);
  private readonly ret5 = new LogReturnStream(5);
  private readonly ret20 = new LogReturnStream(20);
  private readonly vol20 = new RollingStdStream(20, 1);
  private readonly vol60 = new RollingStdStream(60, 1);
  private readonly parts: StreamingIndicator[];
  private lastTs = Number.NEGATIVE_INFINITY;

  /** Validates the options as buildFeatureTable does (ConfigError); see resolveStreamOptions. */
  constructor(opts: FeatureStreamOptions) {
    const { names, vwapMode } = resolveStreamOptions(opts);
    this.names = names;
    this.slots = Int32Array.from(names, (n) => F[n]);
    const has = (...fs: FeatureName[]) => fs.some((f) => names.includes(f));
    this.use = {
      trend: has('close_sma20', 'close_sma50', 'sma20_sma50', 'bb_pctb', 'bb_width'),
      macd: has('ema12_ema26', 'macd_close', 'macd_signal_close', 'macd_hist_close'),
      oscillators: has('rsi14', 'atr14_close', 'adx14', 'plus_di14', 'minus_di14'),
      vwap: vwapMode !== null,
      volume: has('obv_flow20', 'volume_z20'),
      returns: has('ret_1', 'ret_5', 'ret_20', 'vol_20', 'vol_60'),
    };
    this.rollingVwap = vwapMode === 'rolling' ? new RollingVwapStream(opts.vwapWindow ?? 20) : null;
    this.sessionVwap = vwapMode === 'session' ? new SessionVwapStream(opts.tz) : null;
    this.parts = [
      this.bands,
      this.sma50,
      this.macd,
      this.rsi,
      this.atr,
      this.adx,
      this.obvFlow,
      this.volumeZ,
    ];
    this.parts.push(this.ret1, this.ret5, this.ret20, this.vol20, this.vol60);
    for (const s of [this.rollingVwap, this.sessionVwap]) if (s !== null) this.parts.push(s);
  }

  /** Back to the state before the first bar (e.g. before replaying a series from its start). */
  reset(): void {
    this.rows = 0;
    this.warmup = true;
    this.lastTs = Number.NEGATIVE_INFINITY;
    this.row.fill(Number.NaN);
    for (const s of this.parts) s.reset();
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
    this.rows++;
    const use = this.use;
    if (use.trend) this.trend(bar);
    if (use.macd) this.macdFamily(bar);
    if (use.oscillators) this.oscillators(bar);
    if (use.vwap) this.vwapFamily(bar);
    if (use.volume) this.volumeFamily(bar);
    if (use.returns) this.returnsFamily(bar);
    const r = this.row;
    const c = bar[BAR.close];
    r[F.hl_range] = (bar[BAR.high] - bar[BAR.low]) / c;
    r[F.co_return] = c / bar[BAR.open] - 1;
    return this.emit(out);
  }

  private trend(bar: Float64Array): void {
    const r = this.row;
    const c = bar[BAR.close];
    const bb = this.bands;
    bb.pushFrom(bar, BAR.close);
    this.sma50.pushFrom(bar, BAR.close);
    const mid = bb.middle;
    const s50 = this.sma50.value;
    const w = bb.upper - bb.lower;
    r[F.close_sma20] = c / mid - 1;
    r[F.close_sma50] = c / s50 - 1;
    r[F.sma20_sma50] = mid / s50 - 1;
    r[F.bb_pctb] = w > FLAT_WIDTH * Math.abs(mid) ? (c - bb.lower) / w : Number.isNaN(w) ? w : 0.5;
    r[F.bb_width] = w / mid;
  }

  private macdFamily(bar: Float64Array): void {
    const r = this.row;
    const c = bar[BAR.close];
    const m = this.macd;
    m.pushFrom(bar, BAR.close);
    r[F.ema12_ema26] = m.fast / m.slow - 1;
    r[F.macd_close] = m.line / c;
    r[F.macd_signal_close] = m.signal / c;
    r[F.macd_hist_close] = m.hist / c;
  }

  private oscillators(bar: Float64Array): void {
    const r = this.row;
    const c = bar[BAR.close];
    this.rsi.pushFrom(bar, BAR.close);
    this.atr.pushBar(bar);
    this.adx.pushBar(bar);
    r[F.rsi14] = this.rsi.value * 0.01;
    r[F.atr14_close] = this.atr.value / c;
    r[F.adx14] = this.adx.value * 0.01;
    r[F.plus_di14] = this.adx.plusDi * 0.01;
    r[F.minus_di14] = this.adx.minusDi * 0.01;
  }

  private vwapFamily(bar: Float64Array): void {
    let vwap: number;
    if (this.sessionVwap !== null) {
      this.sessionVwap.pushBar(bar);
      vwap = this.sessionVwap.value;
    } else {
      const rolling = this.rollingVwap as RollingVwapStream;
      rolling.pushBar(bar);
      vwap = rolling.value;
    }
    this.row[F.close_vwap] = bar[BAR.close] / vwap - 1;
  }

  private volumeFamily(bar: Float64Array): void {
    this.obvFlow.pushBar(bar);
    this.volumeZ.pushFrom(bar, BAR.volume);
    this.row[F.obv_flow20] = this.obvFlow.value;
    this.row[F.volume_z20] = this.volumeZ.value;
  }

  private returnsFamily(bar: Float64Array): void {
    const r = this.row;
    this.ret1.pushFrom(bar, BAR.close);
    this.ret5.pushFrom(bar, BAR.close);
    this.ret20.pushFrom(bar, BAR.close);
    r[F.ret_1] = this.ret1.value;
    r[F.ret_5] = this.ret5.value;
    r[F.ret_20] = this.ret20.value;
    // Volatilities are rolling stds of the one-bar return just written to the row.
    this.vol20.pushFrom(r, F.ret_1);
    this.vol60.pushFrom(r, F.ret_1);
    r[F.vol_20] = this.vol20.value;
    r[F.vol_60] = this.vol60.value;
  }

  private emit(out: Float64Array): boolean {
    const slots = this.slots;
    const r = this.row;
    for (let j = 0; j < slots.length; j++) out[j] = r[slots[j]];
    if (this.warmup) {
      let all = true;
      for (let j = 0; j < slots.length && all; j++) all = Number.isFinite(out[j]);
      this.warmup = !all;
    }
    return this.warmup;
  }

  private rejectTs(bar: Float64Array): never {
    throw new DataValidationError('bars must arrive in time order', [
      {
        path: 'ts',
        message: `bar ${this.rows} is not after the previous bar`,
        value: bar[BAR.ts],
        fix: 'push each bar once, in increasing time order (call reset() to start the series over)',
      },
    ]);
  }
}
