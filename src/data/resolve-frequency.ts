import { ConfigError, type Issue } from '../core/index.js';
import { describeSpacing, inferFrequency } from './frequency.js';
import type { BarSeries, Frequency } from './types.js';

/**
 * The one frequency of all series: inferred per symbol from the bar spacing and checked against the
 * declared `data.frequency` (unless `auto`). A declared frequency the data contradicts, symbols of
 * different frequencies, or a spacing that matches no supported frequency is a ConfigError naming them.
 */
export function resolveFrequency(
  series: readonly BarSeries[],
  declared: Frequency | 'auto',
): { frequency: Frequency; perSymbol: Record<string, Frequency | null> } {
  const perSymbol: Record<string, Frequency | null> = {};
  const issues: Issue[] = [];
  const seen = new Map<Frequency, string[]>();
  for (const s of series) {
    const inf = inferFrequency(s.ts);
    perSymbol[s.symbol] = inf.frequency;
    if (inf.frequency === null) {
      if (Number.isFinite(inf.medianSpacingMs)) {
        issues.push({
          path: 'data.frequency',
          value: s.symbol,
          message: `${s.symbol}: bars are typically ${describeSpacing(inf.medianSpacingMs)} apart, which matches no supported frequency (1m, 5m, 15m, 30m, 1h, 1d, 1wk)`,
          fix: 'resample the data to a supported frequency',
        });
      }
      continue;
    }
    if (declared !== 'auto' && inf.frequency !== declared) {
      issues.push({
        path: 'data.frequency',
        value: declared,
        message: `is ${declared} but ${s.symbol}'s bars are ${inf.frequency} (typically ${describeSpacing(inf.medianSpacingMs)} apart)`,
        fix: `set data.frequency: ${inf.frequency} (or auto)`,
      });
    }
    const list = seen.get(inf.frequency) ?? [];
    list.push(s.symbol);
    seen.set(inf.frequency, list);
  }
  if (issues.length === 0 && seen.size > 1) {
    issues.push({
      path: 'data.csv_paths',
      value: [...seen].map(
        ([f, syms]) => `${f}: ${syms.slice(0, 5).join(', ')}${syms.length > 5 ? '…' : ''}`,
      ),
      message: 'symbols have different bar frequencies; a run pools them, so one frequency is needed',
      fix: 'import one frequency per run (split the files, or select symbols with data.symbols)',
    });
  }
  if (issues.length > 0) throw new ConfigError('bar frequency does not fit the data', issues.slice(0, 20));
  const only = [...seen.keys()][0];
  if (only !== undefined) return { frequency: only, perSymbol };
  if (declared !== 'auto') return { frequency: declared, perSymbol };
  throw new ConfigError('cannot infer the bar frequency', [
    {
      path: 'data.frequency',
      value: 'auto',
      message: 'no symbol has two or more bars to measure the spacing',
      fix: 'import more bars, or declare data.frequency',
    },
  ]);
}
