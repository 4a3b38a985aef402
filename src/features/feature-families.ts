import { AdxStream } from './adx-stream.js';
import { AtrStream } from './atr-stream.js';
import { BollingerStream } from './bollinger-stream.js';
import type { FeatureName } from './feature-names.js';
import { FLAT_WIDTH } from './feature-specs.js';
import { FEATURE_SLOT as F } from './feature-stream-options.js';
import { MacdStream } from './macd-stream.js';
import { ObvFlowStream } from './obv-stream.js';
import { LogReturnStream } from './returns-stream.js';
import { RollingStdStream } from './rolling-std-stream.js';
import { RsiStream } from './rsi-stream.js';
import { SmaStream } from './sma-stream.js';
import { BAR } from './streaming-indicator.js';
import type { RollingVwapStream, SessionVwapStream } from './vwap-stream.js';
import { VolumeZStream } from './volume-z-stream.js';

/**
 * A group of features computed from shared streaming twins (the batch's memoised IndicatorSet entries):
 * `update` takes the bar (BAR order) and writes the group's features into the contract-order row
 * (FEATURE_SLOT), with the batch's formulas (feature-specs.ts). Typed arrays in, typed arrays out: no
 * double crosses a call boxed.
 */
export interface FeatureFamily {
  readonly features: readonly FeatureName[];
  update(bar: Float64Array, row: Float64Array): void;
  reset(): void;
}

/** close_sma20, close_sma50, sma20_sma50, bb_pctb, bb_width from SMA(20)/σ(20) and SMA(50). */
export class TrendFamily implements FeatureFamily {
  readonly features = ['close_sma20', 'close_sma50', 'sma20_sma50', 'bb_pctb', 'bb_width'] as const;
  private readonly bands = new BollingerStream(20, 2);
  private readonly sma50 = new SmaStream(50);

  update(bar: Float64Array, r: Float64Array): void {
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

  reset(): void {
    this.bands.reset();
    this.sma50.reset();
  }
}

/** ema12_ema26 and the MACD line, signal and histogram over the close. */
export class MacdFamily implements FeatureFamily {
  readonly features = ['ema12_ema26', 'macd_close', 'macd_signal_close', 'macd_hist_close'] as const;
  private readonly macd = new MacdStream(12, 26, 9);

  update(bar: Float64Array, r: Float64Array): void {
    const c = bar[BAR.close];
    const m = this.macd;
    m.pushFrom(bar, BAR.close);
    r[F.ema12_ema26] = m.fast / m.slow - 1;
    r[F.macd_close] = m.line / c;
    r[F.macd_signal_close] = m.signal / c;
    r[F.macd_hist_close] = m.hist / c;
  }

  reset(): void {
    this.macd.reset();
  }
}

/** rsi14, atr14_close, adx14, plus_di14, minus_di14 (0–100 indicators scaled to 0–1). */
export class OscillatorFamily implements FeatureFamily {
  readonly features = ['rsi14', 'atr14_close', 'adx14', 'plus_di14', 'minus_di14'] as const;
  private readonly rsi = new RsiStream(14);
  private readonly atr = new AtrStream(14);
  private readonly adx = new AdxStream(14);

  update(bar: Float64Array, r: Float64Array): void {
    this.rsi.pushFrom(bar, BAR.close);
    this.atr.pushBar(bar);
    this.adx.pushBar(bar);
    r[F.rsi14] = this.rsi.value * 0.01;
    r[F.atr14_close] = this.atr.value / bar[BAR.close];
    r[F.adx14] = this.adx.value * 0.01;
    r[F.plus_di14] = this.adx.plusDi * 0.01;
    r[F.minus_di14] = this.adx.minusDi * 0.01;
  }

  reset(): void {
    this.rsi.reset();
    this.atr.reset();
    this.adx.reset();
  }
}

/** close_vwap against a rolling-window or a session-anchored VWAP. */
export class VwapFamily implements FeatureFamily {
  readonly features = ['close_vwap'] as const;

  constructor(private readonly vwap: RollingVwapStream | SessionVwapStream) {}

  update(bar: Float64Array, r: Float64Array): void {
    this.vwap.pushBar(bar);
    r[F.close_vwap] = bar[BAR.close] / this.vwap.value - 1;
  }

  reset(): void {
    this.vwap.reset();
  }
}

/** obv_flow20 and volume_z20. */
export class VolumeFamily implements FeatureFamily {
  readonly features = ['obv_flow20', 'volume_z20'] as const;
  private readonly obvFlow = new ObvFlowStream(20);
  private readonly volumeZ = new VolumeZStream(20);

  update(bar: Float64Array, r: Float64Array): void {
    this.obvFlow.pushBar(bar);
    this.volumeZ.pushFrom(bar, BAR.volume);
    r[F.obv_flow20] = this.obvFlow.value;
    r[F.volume_z20] = this.volumeZ.value;
  }

  reset(): void {
    this.obvFlow.reset();
    this.volumeZ.reset();
  }
}

/** ret_1, ret_5, ret_20 and the volatilities vol_20, vol_60 of the one-bar return. */
export class ReturnsFamily implements FeatureFamily {
  readonly features = ['ret_1', 'ret_5', 'ret_20', 'vol_20', 'vol_60'] as const;
  private readonly ret1 = new LogReturnStream(1);
  private readonly ret5 = new LogReturnStream(5);
  private readonly ret20 = new LogReturnStream(20);
  private readonly vol20 = new RollingStdStream(20, 1);
  private readonly vol60 = new RollingStdStream(60, 1);

  update(bar: Float64Array, r: Float64Array): void {
    this.ret1.pushFrom(bar, BAR.close);
    this.ret5.pushFrom(bar, BAR.close);
    this.ret20.pushFrom(bar, BAR.close);
    r[F.ret_1] = this.ret1.value;
    r[F.ret_5] = this.ret5.value;
    r[F.ret_20] = this.ret20.value;
    // The volatilities are rolling stds of the one-bar return just written to the row.
    this.vol20.pushFrom(r, F.ret_1);
    this.vol60.pushFrom(r, F.ret_1);
    r[F.vol_20] = this.vol20.value;
    r[F.vol_60] = this.vol60.value;
  }

  reset(): void {
    for (const s of [this.ret1, this.ret5, this.ret20, this.vol20, this.vol60]) s.reset();
  }
}

/** hl_range and co_return, from the bar alone. */
export class BarShapeFamily implements FeatureFamily {
  readonly features = ['hl_range', 'co_return'] as const;

  update(bar: Float64Array, r: Float64Array): void {
    const c = bar[BAR.close];
    r[F.hl_range] = (bar[BAR.high] - bar[BAR.low]) / c;
    r[F.co_return] = c / bar[BAR.open] - 1;
  }

  reset(): void {}
}
