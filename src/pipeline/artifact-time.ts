/**
 * The timestamp stamped into artifacts. Wall-clock time would make two runs differ, so artifacts use
 * SOURCE_DATE_EPOCH (the reproducible-builds convention) when set, else the as-of time of the data
 * they were built from. Wall-clock start/end times live only in the run log (training_pipeline.json).
 */
export function artifactTimestamp(dataAsOfMs: number, sourceDateEpochMs?: number): string {
  return new Date(sourceDateEpochMs ?? dataAsOfMs).toISOString();
}

/** Rounds every number in a JSON-like value to `digits` decimals (stable, readable metrics files). */
export function roundDeep<T>(value: T, digits = 6): T {
  const f = 10 ** digits;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * f) / f : null;
    if (Array.isArray(v)) return v.map(walk);
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, (x) => walk(x));
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
