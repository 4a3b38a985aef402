/**
 * Temperature scaling (Guo et al. 2017): one scalar T > 0 dividing the logits, fitted by minimising the
 * validation NLL. The NLL is convex in 1/T, hence unimodal in log T, so a golden-section search on log T
 * finds the optimum deterministically without derivatives.
 */
import { ConfigError } from '../../core/index.js';

/** Result of fitting a temperature. */
export interface TemperatureFit {
  temperature: number;
  /** Mean NLL at T = 1. */
  nllBefore: number;
  /** Mean NLL at the fitted T. */
  nllAfter: number;
}

/** Search bounds and tolerance (on log T). */
export interface TemperatureFitOptions {
  minTemperature?: number;
  maxTemperature?: number;
  tolerance?: number;
}

function check(logits: Float64Array, k: number, labels?: Int32Array): number {
  if (!Number.isInteger(k) || k < 2)
    throw new ConfigError('numClasses must be an integer ≥ 2', [
      { path: 'numClasses', message: 'invalid', value: k },
    ]);
  const n = logits.length / k;
  if (!Number.isInteger(n))
    throw new ConfigError('logits length must be a multiple of numClasses', [
      { path: 'logits', message: 'bad length', value: logits.length },
    ]);
  for (let i = 0; i < logits.length; i++) {
    if (!Number.isFinite(logits[i]))
      throw new ConfigError('logits must be finite', [
        { path: `logits[${i}]`, message: 'not finite', value: String(logits[i]) },
      ]);
  }
  if (labels) {
    if (labels.length !== n)
      throw new ConfigError('one label per logit row required', [
        { path: 'labels', message: `expected ${n}`, value: labels.length },
      ]);
    for (let i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= k)
        throw new ConfigError('label out of range', [
          { path: `labels[${i}]`, message: `must be in [0, ${k})`, value: labels[i] },
        ]);
    }
  }
  return n;
}

/** Row-wise softmax of logits / T (numerically stable), row-major n × k. */
export function applyTemperature(
  logits: Float64Array,
  temperature: number,
  numClasses: number,
): Float64Array {
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new ConfigError('temperature must be a positive finite number', [
      { path: 'temperature', message: 'invalid', value: temperature },
    ]);
  }
  const n = check(logits, numClasses);
  const out = new Float64Array(logits.length);
  for (let i = 0; i < n; i++) {
    const o = i * numClasses;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < numClasses; c++) max = Math.max(max, logits[o + c]);
    let sum = 0;
    for (let c = 0; c < numClasses; c++) {
      out[o + c] = Math.exp((logits[o + c] - max) / temperature);
      sum += out[o + c];
    }
    for (let c = 0; c < numClasses; c++) out[o + c] /= sum;
  }
  return out;
}

/** Mean negative log-likelihood of `labels` under softmax(logits / T). */
export function temperatureNll(
  logits: Float64Array,
  labels: Int32Array,
  numClasses: number,
  temperature: number,
): number {
  const n = check(logits, numClasses, labels);
  return nll(logits, labels, numClasses, n, temperature);
}

function nll(logits: Float64Array, labels: Int32Array, k: number, n: number, temperature: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) max = Math.max(max, logits[o + c] / temperature);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(logits[o + c] / temperature - max);
    total += max + Math.log(sum) - logits[o + labels[i]] / temperature;
  }
  return total / n;
}

/** Fits the temperature minimising validation NLL (golden-section search on log T). */
export function fitTemperature(
  logits: Float64Array,
  labels: Int32Array,
  numClasses: number,
  options: TemperatureFitOptions = {},
): TemperatureFit {
  const n = check(logits, numClasses, labels);
  if (n === 0)
    throw new ConfigError('cannot fit a temperature on zero rows', [{ path: 'labels', message: 'empty' }]);
  const { minTemperature = 0.01, maxTemperature = 100, tolerance = 1e-9 } = options;
  if (!(minTemperature > 0 && maxTemperature > minTemperature)) {
    throw new ConfigError('need 0 < minTemperature < maxTemperature', [
      { path: 'options', message: 'invalid bounds', value: options },
    ]);
  }
  const f = (u: number): number => nll(logits, labels, numClasses, n, Math.exp(u));
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(minTemperature);
  let b = Math.log(maxTemperature);
  let c = b - phi * (b - a);
  let e = a + phi * (b - a);
  let fc = f(c);
  let fe = f(e);
  for (let it = 0; it < 200 && b - a > tolerance; it++) {
    if (fc <= fe) {
      b = e;
      e = c;
      fe = fc;
      c = b - phi * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = e;
      fc = fe;
      e = a + phi * (b - a);
      fe = f(e);
    }
  }
  const u = (a + b) / 2;
  const nllBefore = f(0);
  const nllAt = f(u);
  // Never return a temperature worse than leaving the model alone.
  return nllAt <= nllBefore
    ? { temperature: Math.exp(u), nllBefore, nllAfter: nllAt }
    : { temperature: 1, nllBefore, nllAfter: nllBefore };
}
