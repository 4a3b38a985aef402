/**
 * On-balance volume. Convention: OBV is 0 on bar 0 (TA-Lib starts at volume[0] instead); then it adds the
 * bar's volume on an up close, subtracts it on a down close and is unchanged on an equal close. Features use
 * only OBV differences, which do not depend on the starting constant.
 */
export function obv(close: Float64Array, volume: Float64Array): Float64Array {
  const len = close.length;
  const out = new Float64Array(len);
  let acc = 0;
  for (let i = 1; i < len; i++) {
    const d = close[i] - close[i - 1];
    if (d > 0) acc += volume[i];
    else if (d < 0) acc -= volume[i];
    out[i] = acc;
  }
  return out;
}
