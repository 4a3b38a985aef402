export { normalCdf, normalInv, normalPdf } from './normal-distribution.js';
export { performanceMetrics, returnMetrics } from './performance-metrics.js';
export type { PerformanceMetrics, ReturnMetrics } from './performance-metrics.js';
export {
  deflatedSharpe,
  deflatedSharpeFromStats,
  expectedMaxSharpe,
  probabilisticSharpe,
  psrFromStats,
  sharpeEstimatorVariance,
} from './probabilistic-sharpe.js';
export type { DeflatedSharpeOptions, DeflatedSharpeResult, SharpeStats } from './probabilistic-sharpe.js';
export {
  annualisedReturn,
  maxDrawdown,
  meanStd,
  returnMoments,
  sharpeRatio,
  sortinoRatio,
  totalReturn,
} from './return-stats.js';
export type { ReturnMoments } from './return-stats.js';
export { signalsToPositions } from './signals-to-positions.js';
export type { SignalOptions } from './signals-to-positions.js';
export {
  bootstrapSharpeUplift,
  defaultMeanBlock,
  sharpeRobustness,
  stationaryBootstrapIndices,
} from './significance.js';
export type { UpliftTestOptions, UpliftTestResult } from './significance.js';
export { simulate } from './simulate.js';
export type { Costs, SimResult } from './simulate.js';
export { simulatePortfolio } from './simulate-portfolio.js';
export type { PortfolioResult } from './simulate-portfolio.js';
export { smaCrossoverTarget } from './sma-crossover.js';
export type { SmaCrossoverOptions } from './sma-crossover.js';
export type { TradeList } from './trade-list.js';
