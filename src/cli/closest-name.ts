/** The name in `names` nearest to `name` by edit distance (at most 2 edits), for "did you mean". */
export function closest(name: string, names: string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diag = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const up = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
        diag = up;
      }
    }
    return row[b.length];
  };
  let best: string | undefined;
  let bestD = 3;
  for (const n of names) {
    const d = dist(name, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return best;
}
