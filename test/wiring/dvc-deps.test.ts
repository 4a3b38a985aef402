import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importClosure, importGraph } from './import-graph.js';

interface DvcStage {
  cmd: string;
  deps?: string[];
}

const dvc = parse(readFileSync('dvc.yaml', 'utf8')) as { stages: Record<string, DvcStage> };
const graph = importGraph(['src']);
/** Dispatch tables whose dynamic imports load one of many modules on demand (not all of them). */
const LAZY = [
  'src/cli/main.ts', // loads the TF.js backend only for commands flagged usesTf (not `stage`)
  'src/cli/commands/index.ts',
  'src/cli/commands/stage.ts',
  'src/stages/index.ts',
  'src/stages/stage-table.ts',
];

/**
 * Library modules a notebook imports: `import … from '../dist/src/<path>.js'` in its code cells (the kernel
 * loads the compiled module, built from src/<path>.ts).
 */
function notebookImports(file: string): string[] {
  const nb = JSON.parse(readFileSync(file, 'utf8')) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  const code = nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
    .join('\n');
  return [...code.matchAll(/from\s+['"]\.\.\/dist\/(src\/[^'"]+)\.js['"]/g)].map((m) => `${m[1]}.ts`);
}

/**
 * What `node scripts/run-stage.mjs <name>` can load: the CLI entry, the stage command, the stage, and the
 * library modules of the notebooks the stage executes (the notebook files among its deps).
 */
function stageClosure(cmd: string, deps: string[] = []): string[] {
  const m = /^node scripts\/run-stage\.mjs (\w+)$/.exec(cmd);
  if (!m) throw new Error(`unexpected stage command: ${cmd}`);
  // The batch stage runs the teacher, student and validate cores through the (lazy) stages barrel, on
  // worker threads whose entry is loaded by URL: those are its entries too.
  const extra =
    m[1] === 'batch'
      ? [
          'src/stages/teacher.ts',
          'src/stages/student.ts',
          'src/stages/validate.ts',
          'src/batch/window-worker.ts',
        ]
      : [];
  const notebooks = deps.filter((d) => d.endsWith('.ipynb')).flatMap(notebookImports);
  return importClosure(
    graph,
    ['src/cli/main.ts', 'src/cli/commands/stage.ts', `src/stages/${m[1]}.ts`, ...extra, ...notebooks],
    LAZY,
  );
}

const covered = (file: string, deps: string[]) => deps.some((d) => file === d || file.startsWith(`${d}/`));

describe('dvc.yaml deps cover what each stage runs', () => {
  for (const [name, stage] of Object.entries(dvc.stages)) {
    it(`${name}: every imported source file is a dep, and every source dep is imported`, () => {
      const deps = stage.deps ?? [];
      const closure = stageClosure(stage.cmd, deps);
      expect(closure).toContain(`src/stages/${name}.ts`);
      expect(closure.filter((f) => !covered(f, deps))).toEqual([]);
      const unused = deps.filter((d) => d.startsWith('src') && !closure.some((f) => covered(f, [d])));
      expect(unused).toEqual([]);
      expect(deps).toContain('package-lock.json');
      expect(deps).toContain('scripts/run-stage.mjs');
    });
  }

  it('the report stage executes every notebook it lists, and their imports count (self-check)', () => {
    const deps = dvc.stages.report.deps ?? [];
    for (const n of ['01_explore_data', '02_student_evaluation', '03_promotion_report'])
      expect(deps).toContain(`notebooks/${n}.ipynb`);
    // 02 imports the signal analysis from src/eval directly.
    expect(notebookImports('notebooks/02_student_evaluation.ipynb')).toContain('src/eval/index.ts');
    expect(stageClosure(dvc.stages.report.cmd, deps)).toContain('src/eval/signal-analysis.ts');
  });

  it('the closure follows imports transitively (self-check)', () => {
    const c = stageClosure('node scripts/run-stage.mjs teacher');
    // teacher → training → models → the GBDT, and the TF.js backend (an MLP teacher) — never the backtest.
    expect(c).toContain('src/models/gbdt/train-gbdt.ts');
    expect(c).toContain('src/models/tfjs/backend.ts');
    expect(c.some((f) => f.startsWith('src/backtest/'))).toBe(false);
    expect(stageClosure('node scripts/run-stage.mjs ingest').some((f) => f.includes('/models/'))).toBe(false);
  });
});
