/**
 * Every artifact name of the project, declared once. Stage cores take directories as arguments; the
 * DVC layout (`PATHS`) is only the default the stage mains and the CLI pass in. Names inside a
 * directory follow the reference where it has one.
 */

/** Default locations of the DVC pipeline (relative to the repository root). */
export const PATHS = {
  params: 'params.yaml',
  import: 'data/import',
  raw: 'data/raw',
  features: 'data/features',
  models: 'data/models',
  teacher: 'data/models/teacher',
  student: 'data/models/student',
  runs: 'data/models/runs',
  validation: 'reports/validation',
  /** HTML reports executed from notebooks/ (the report stage) and promotion_report.md. */
  reports: 'reports',
  notebooks: 'notebooks',
  runLog: 'data/models/training_pipeline.json',
} as const;

/** Run log (not a DVC output) kept beside the artifacts a command wrote. */
export const RUN_LOG_FILE = 'training_pipeline.json';

/** Provenance file every stage writes into its output directory. */
export const METADATA_FILE = 'metadata.json';

/** Raw-bar store (ingest output): one `<SYMBOL>.csv` per symbol plus its report. */
export const RAW_FILES = {
  report: 'ingest_report.json',
  metadata: METADATA_FILE,
} as const;

/** Feature store (features output): one `<SYMBOL>.csv` per symbol plus its report. */
export const FEATURE_FILES = {
  report: 'features_report.json',
  metadata: METADATA_FILE,
} as const;

/** File of one symbol in the raw-bar or feature store. */
export const symbolFile = (symbol: string): string => `${symbol}.csv`;

/** Evaluation files written beside a teacher or student model. */
export const EVALUATION_FILES = {
  metrics: 'evaluation_metrics.json',
  confusion: 'confusion_matrix.json',
  plotsDir: 'plots',
  calibrationPlot: 'calibration.json',
  confusionPlot: 'confusion.json',
  rocPlot: (cls: string) => `roc_${cls}.json`,
} as const;

/** Files of a teacher directory (the reference's names). */
export const TEACHER_FILES = {
  model: 'teacher_model.json',
  labels: 'labels.csv.gz',
  features: 'features.csv.gz',
  metadata: METADATA_FILE,
  stats: 'dataset_stats.json',
  metrics: EVALUATION_FILES.metrics,
  importance: 'feature_importance.json',
} as const;

/** Files of a student directory. */
export const STUDENT_FILES = {
  model: 'student_model.json',
  scorer: 'scorer.json',
  metadata: METADATA_FILE,
  metrics: EVALUATION_FILES.metrics,
  tuning: 'tuning_results.json',
  /** Provenance of a validation written into the student dir (`train-student --validate`). */
  validationMetadata: 'validation_metadata.json',
} as const;

/** Validation artifact names (the reference's). */
export const VALIDATION_FILES = {
  results: 'validation_results.json',
  accuracy: 'validation_accuracy.json',
  comparison: 'comparison_baseline.json',
  perSymbol: 'validation_per_symbol.json',
  checklistMd: 'promotion_checklist.md',
  checklistJson: 'promotion_checklist.json',
  telemetry: 'validation_telemetry',
  metadata: METADATA_FILE,
} as const;

/** Report stage outputs under PATHS.reports: one HTML page per executed notebook, and the Markdown summary. */
export const REPORT_FILES = {
  promotionReport: 'promotion_report.md',
  html: (notebook: string) => `${notebook}.html`,
  screenshot: (notebook: string) => `${notebook}.png`,
} as const;

/** The notebooks the report stage executes, in order (notebooks/<name>.ipynb). */
export const REPORT_NOTEBOOKS = ['01_explore_data', '02_student_evaluation', '03_promotion_report'] as const;

/** Registry layout under its root (default `PATHS.models`). */
export const REGISTRY_FILES = {
  production: 'production',
  archive: 'archive',
  lock: '.registry.lock',
  audit: 'audit.jsonl',
  stagingPrefix: '.staging-',
  linkTmpPrefix: '.production.tmp-',
  candidatePrefix: '.candidate-',
  manifest: 'MANIFEST.sha256',
  signature: 'MANIFEST.sha256.sig',
  version: 'model_version.txt',
  entry: 'registry_entry.json',
} as const;
