import { join } from 'node:path';
import { logger } from '../core/index.js';
import { PATHS, REPORT_FILES, REPORT_NOTEBOOKS, writeFileAtomic } from '../pipeline/index.js';
import {
  ensureLibraryBuild,
  type NotebookRun,
  promotionReportMarkdown,
  readValidationReport,
  runNotebooks,
} from '../report/index.js';
import type { StageContext } from './context.js';

/** Where the report stage reads and writes (the DVC layout by default). */
export interface ReportIO {
  /** Notebooks and the offline nbconvert template. */
  notebooksDir: string;
  /** Project the notebooks read (its params.yaml and artifacts). */
  projectDir: string;
  validationDir: string;
  outDir: string;
}

/**
 * Stage main: executes notebooks 01–03 headless into self-contained reports/*.html and writes
 * reports/promotion_report.md from the validation outputs. A failing cell fails the stage (ReportError
 * naming the notebook and the cell) and leaves the previous reports in place.
 */
export async function reportMain(
  ctx: StageContext,
  io: ReportIO = {
    notebooksDir: PATHS.notebooks,
    projectDir: ctx.root,
    validationDir: PATHS.validation,
    outDir: PATHS.reports,
  },
): Promise<{ notebooks: NotebookRun[]; promotionReport: string }> {
  ensureLibraryBuild(ctx.root);
  const notebooks = await runNotebooks({
    notebooksDir: io.notebooksDir,
    names: REPORT_NOTEBOOKS,
    outDir: io.outDir,
    projectDir: io.projectDir,
  });
  const promotionReport = join(io.outDir, REPORT_FILES.promotionReport);
  writeFileAtomic(promotionReport, promotionReportMarkdown(readValidationReport(io.validationDir)));
  logger.info('report done', {
    reports: notebooks.map((n) => n.html),
    figures: notebooks.reduce((s, n) => s + n.figures, 0),
    promotion_report: promotionReport,
  });
  return { notebooks, promotionReport };
}
