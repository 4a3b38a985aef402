import { DataValidationError } from '../core/index.js';
import { AdxStream } from './adx-stream.js';
import { AtrStream } from './atr-stream.js';
import { BollingerStream } from './bollinger-stream.js';
import { FEATURE_NAMES, type FeatureName } from './feature-names.js';
import { FLAT_WIDTH } from './feature-specs.js';
import { FEATURE_SLOT, type FeatureStreamOptions, resolveStreamOptions } from './feature-stream-options.js';
import { MacdStream } from './macd-stream.js';
import { ObvFlowStream } from './obv-stream.js';
import { RollingStdStream } from './rolling-std-stream.js';
import { RsiStream } from './rsi-stream.js';
import { SmaStream } from './sma-stream.js';
import type { StreamingIndicator } from './streaming-indicator.js';
import { LogReturnStream } from './returns-stream.js';
import { VolumeZStream } from './volume-z-stream.js';
import { RollingVwapStream, SessionVwapStream } from './vwap-stream.js';

const F = FEATURE_SLOT;

/**
 * Incremental features of one symbol: push one bar at a time and get the row the batch `buildFeatureTable`
 * computes for that bar (same selection, order and VWAP options), bit for bit, with its warm-up flag
 * (true ⇔ row index < the batch table's firstValid). Constant memory, O(1) per bar, no allocation per bar;
 * only the indicator families the selection needs are updated.
 * @example const fs = new FeatureStream({ tz: 'Asia/Kolkata', frequency: '5m' }); const warm = fs.push(ts, o, h, l, c, v, row);
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
  private readonly row = new Float64Array(FEATURE_NAMES.length).fill(Number.NaN);
  private readonly use: Readonly<Record<'bands' | 'sma50' | 'macd' | 'obv' | 'returns' | 'volz', boolean>>;
  private readonly bands = new BollingerStream(20, 2);
  private readonly sma50 = new SmaStream(50);
  private readonly macd = new MacdStream(12, 26, 9);
  private readonly rsi: RsiStream | null;
  private readonly atr: AtrStream | null;
  private readonly adx: AdxStream | null;
  private readonly rollingVwap: RollingVwapStream | null;
  private readonly sessionVwap: SessionVwapStream | null;
  private readonly obvFlow = new ObvFlowStream(20);
  private readonly ret1 = new LogReturnStream(1);
  private readonly ret5 = new LogReturnStream(5);
  private readonly ret20 = new LogReturnStream(20);
  private readonly vol20 = new RollingStdStream(20, 1);
  private readonly vol60 = new RollingStdStream(60, 1);
  private readonly volumeZ = new VolumeZStream(20);
  private readonly parts: StreamingIndicator[];
  private lastTs = Number.NEGATIVE_INFINITY;

  constructor(opts: FeatureStreamOptions) {
    const { names, vwapMode } = resolveStreamOptions(opts);
    this.names = names;
    this.slots = Int32Array.from(names, (n) => F[n]);
    const has = (...fs: FeatureName[]) => fs.some((f) => names.includes(f));
    this.use = {
      bands: has('close_sma20', 'sma20_sma50', 'bb_pctb', 'bb_width'),
      sma50: has('close_sma50', 'sma20_sma50'),
      macd: has('ema12_ema26', 'macd_close', 'macd_signal_close', 'macd_hist_close'),
      obv: has('obv_flow20'),
      returns: has('ret_1', 'ret_5', 'ret_20', 'vol_20', 'vol_60'),
      volz: has('volume_z20'),
    };
    this.rsi = has('rsi14') ? new RsiStream(14) : null;
    this.atr = has('atr14_close') ? new AtrStream(14) : null;
    this.adx = has('adx14', 'plus_di14', 'minus_di14') ? new AdxStream(14) : null;
    this.rollingVwap = vwapMode === 'rolling' ? new RollingVwapStream(opts.vwapWindow ?? 20) : null;
    this.sessionVwap = vwapMode === 'session' ? new SessionVwapStream(opts.tz) : null;
    this.parts = [this.bands, this.sma50, this.macd, this.obvFlow, this.ret1, this.ret5, this.ret20];
    for (const s of [this.vol20, this.vol60, this.volumeZ, this.rsi, this.atr, this.adx])
      if (s) this.parts.push(s);
    for (const s of [this.rollingVwap, this.sessionVwap]) if (s) this.parts.push(s);
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
    if (!(ts > this.lastTs)) this.rejectTs(ts);
    this.lastTs = ts;
    this.rows++;
    const r = this.row;
    const c = close;
    const use = this.use;
    if (use.bands) {
      const bb = this.bands;
      const mid = bb.push(c);
      const w = bb.upper - bb.lower;
      r[F.close_sma20] = c / mid - 1;
      r[F.bb_pctb] = w > FLAT_WIDTH * Math.abs(mid) ? (c - bb.lower) / w : Number.isNaN(w) ? w : 0.5;
      r[F.bb_width] = w / mid;
    }
    if (use.sma50) {
      const s50 = this.sma50.push(c);
      r[F.close_sma50] = c / s50 - 1;
      r[F.sma20_sma50] = this.bands.middle / s50 - 1;
    }
    if (use.macd) {
      const m = this.macd;
      m.push(c);
      r[F.ema12_ema26] = m.fast / m.slow - 1;
      r[F.macd_close] = m.line / c;
      r[F.macd_signal_close] = m.signal / c;
      r[F.macd_hist_close] = m.hist / c;
    }
    if (this.rsi !== null) r[F.rsi14] = this.rsi.push(c) * 0.01;
    if (this.atr !== null) r[F.atr14_close] = this.atr.push(high, low, c) / c;
    if (this.rollingVwap !== null) r[F.close_vwap] = c / this.rollingVwap.push(high, low, c, volume) - 1;
    if (this.sessionVwap !== null) {
      r[F.close_vwap] = c / this.sessionVwap.push(ts, high, low, c, volume) - 1;
    }
    if (this.adx !== null) {
      const a = this.adx;
      r[F.adx14] = a.push(high, low, c) * 0.01;
      r[F.plus_di14] = a.plusDi * 0.01;
      r[F.minus_di14] = a.minusDi * 0.01;
    }
    if (use.obv) r[F.obv_flow20] = this.obvFlow.push(c, volume);
    if (use.returns) {
      const r1 = this.ret1.push(c);
      r[F.ret_1] = r1;
      r[F.ret_5] = this.ret5.push(c);
      r[F.ret_20] = this.ret20.push(c);
      r[F.vol_20] = this.vol20.push(r1);
      r[F.vol_60] = this.vol60.push(r1);
    }
    if (use.volz) r[F.volume_z20] = this.volumeZ.push(volume);
    r[F.hl_range] = (high - low) / c;
    r[F.co_return] = c / open - 1;
    return this.emit(out);
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

  private rejectTs(ts: number): never {
    throw new DataValidationError('bars must arrive in time order', [
      {
        path: 'ts',
        message: `bar ${this.rows} is not after the previous bar`,
        value: ts,
        fix: 'push each bar once, in increasing time order (call reset() to start the series over)',
      },
    ]);
  }
}
