import type { BaselineStrategy } from './baseline-strategy.js';
import type { StrategyKind } from './decision.js';
import { IntradayStrategy, type IntradayOptions } from './intraday-strategy.js';
import { SwingStrategy } from './swing-strategy.js';

/** A fresh baseline strategy of `kind` for one symbol. */
export function createStrategy(kind: StrategyKind, opts: IntradayOptions): BaselineStrategy {
  return kind === 'swing' ? new SwingStrategy(opts.allowShort) : new IntradayStrategy(opts);
}
