import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PATHS } from '../src/pipeline/index.js';
import { ensureLibraryBuild } from '../src/report/index.js';
import {
  featuresMain,
  ingestMain,
  reportMain,
  stageContext,
  studentMain,
  teacherStage,
  validateMain,
} from '../src/stages/index.js';

/**
 * The report stage on the default run: the pipeline is built into a temp project first (not timed), then
 * the stage executes notebooks 01–03 headless into HTML and writes promotion_report.md (timed, as DVC
 * runs it minus the ~0.3 s of process start-up). Per-notebook wall times show which one bounds it.
 */
export async function reportStageBench(): Promise<Record<string, number>> {
  const root = mkdtempSync(join(tmpdir(), 'sq-bench-report-'));
  const at = (p: string) => join(root, p);
  try {
    ensureLibraryBuild(process.cwd());
    copyFileSync(PATHS.params, at(PATHS.params));
    const ctx = stageContext(at(PATHS.params));
    const bars = (await ingestMain(ctx, { outDir: at(PATHS.raw) })).series;
    const tables = await featuresMain(ctx, { rawDir: at(PATHS.raw), outDir: at(PATHS.features) });
    await teacherStage(ctx, bars, tables, { outDir: at(PATHS.teacher) });
    await studentMain(ctx, { teacherDir: at(PATHS.teacher), outDir: at(PATHS.student) });
    await validateMain(ctx, {
      rawDir: at(PATHS.raw),
      featuresDir: at(PATHS.features),
      studentDir: at(PATHS.student),
      outDir: at(PATHS.validation),
    });
    const t0 = performance.now();
    const r = await reportMain(ctx, {
      notebooksDir: PATHS.notebooks,
      projectDir: root,
      validationDir: at(PATHS.validation),
      outDir: at(PATHS.reports),
    });
    const total = (performance.now() - t0) / 1000;
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      report_stage_s: round(total),
      ...Object.fromEntries(
        r.notebooks.map((n) => [`report_${n.name.slice(0, 2)}_notebook_s`, round(n.seconds)]),
      ),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
