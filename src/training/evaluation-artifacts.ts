import { join } from 'node:path';
import type { Evaluation } from '../eval/index.js';
import { EVALUATION_FILES, roundDeep, writeJsonAtomic } from '../pipeline/index.js';

/**
 * Writes evaluation_metrics.json (the reference structure: header fields + test_metrics,
 * calibration_metrics, confusion_matrix), confusion_matrix.json, and the DVC plots data under plots/:
 * calibration.json (with the `perfect` diagonal), roc_<CLASS>.json and confusion.json.
 */
export function writeEvaluationArtifacts(
  dir: string,
  evaluation: Evaluation,
  header: Record<string, unknown>,
): string[] {
  const { report, curves } = evaluation;
  const files = {
    metrics: join(dir, EVALUATION_FILES.metrics),
    confusion: join(dir, EVALUATION_FILES.confusion),
    calibration: join(dir, EVALUATION_FILES.plotsDir, EVALUATION_FILES.calibrationPlot),
    confusionRecords: join(dir, EVALUATION_FILES.plotsDir, EVALUATION_FILES.confusionPlot),
  };
  writeJsonAtomic(
    files.metrics,
    roundDeep({
      ...header,
      test_metrics: report.test_metrics,
      calibration_metrics: report.calibration_metrics,
      confusion_matrix: report.confusion_matrix,
      n_test: report.n,
    }),
  );
  writeJsonAtomic(files.confusion, report.confusion_matrix);
  writeJsonAtomic(
    files.calibration,
    roundDeep(
      curves.calibration.map((b) => ({
        confidence: b.confidence,
        accuracy: b.accuracy,
        perfect: b.confidence,
        count: b.count,
      })),
    ),
  );
  const rocFiles = Object.entries(curves.roc).map(([cls, pts]) => {
    const file = join(dir, EVALUATION_FILES.plotsDir, EVALUATION_FILES.rocPlot(cls));
    writeJsonAtomic(file, roundDeep(pts.map((p) => ({ fpr: p.fpr, tpr: p.tpr }))));
    return file;
  });
  writeJsonAtomic(files.confusionRecords, curves.confusion_records);
  return [...Object.values(files), ...rocFiles];
}
