import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_NOTEBOOKS } from '../../src/pipeline/index.js';

interface Cell {
  cell_type: string;
  id?: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}
const DIR = 'notebooks';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();
const load = (f: string) =>
  JSON.parse(readFileSync(join(DIR, f), 'utf8')) as {
    cells: Cell[];
    metadata: { kernelspec: { name: string } };
  };
const src = (c: Cell) => (Array.isArray(c.source) ? c.source.join('') : c.source);

describe('notebooks/', () => {
  it('holds the four notebooks, the report stage’s three among them', () => {
    expect(files).toEqual([
      '01_explore_data.ipynb',
      '02_student_evaluation.ipynb',
      '03_promotion_report.ipynb',
      '04_experiments.ipynb',
    ]);
    for (const n of REPORT_NOTEBOOKS) expect(files).toContain(`${n}.ipynb`);
  });

  for (const f of files) {
    it(`${f}: outputs stripped (npm run notebooks:strip), tslab kernel, unique cell ids`, () => {
      const nb = load(f);
      const dirty = nb.cells
        .map((c, i) => ({ i: i + 1, c }))
        .filter(({ c }) => (c.outputs?.length ?? 0) > 0 || (c.execution_count ?? null) !== null)
        .map(({ i }) => `cell ${i}`);
      expect(dirty, 'committed outputs: run `npm run notebooks:strip`').toEqual([]);
      expect(nb.metadata.kernelspec.name).toBe('tslab');
      const ids = nb.cells.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it(`${f}: imports the library through folder barrels of the compiled build and defines no logic`, () => {
      const code = load(f)
        .cells.filter((c) => c.cell_type === 'code')
        .map(src)
        .join('\n');
      const specs = [...code.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(specs.length).toBeGreaterThan(1);
      for (const s of specs) expect(s).toMatch(/^(tslab|danfojs-node|\.\.\/dist\/src\/[a-z]+\/index\.js)$/);
      // Computation lives in src/: no function or class declarations, no arithmetic loops in cells.
      expect(code).not.toMatch(/\bfunction\b|\bclass\b|\bwhile\s*\(|for\s*\(\s*let\b/);
      // Plotly is inlined once, in the setup cell, before any figure.
      expect(code.match(/plotlyLibraryHtml\(\)/g)).toHaveLength(1);
    });
  }
});
