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
  /** Live engine state: telemetry, alerts, status snapshot, rolling-metric history (not a DVC output). */
  live: 'data/live',
  /** HTML reports executed from notebooks/ (the report stage) and promotion_report.md. */
  reports: 'reports',
  notebooks: 'notebooks',
  runLog: 'data/models/training_pipeline.json',
  /** Walk-forward batch of the `batch` DVC stage (train-batch defaults to data/models/<run_id>). */
  batch: 'data/models/batch',
  /** Training telemetry JSONL of batch runs (`--enable-telemetry`). */
  telemetry: 'data/analytics/training',
  /** Release audit bundles `audit_<run_id>/` of run-historical-training. */
  release: 'release',
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

/**
 * Evaluation files written beside a teacher or student model. `headline` is the small numbers-only file
 * DVC declares as metrics (what `dvc exp show` compares); the rest are detailed outputs and plot data.
 */
export const EVALUATION_FILES = {
  metrics: 'evaluation_metrics.json',
  headline: 'metrics.json',
  confusion: 'confusion_matrix.json',
  plotsDir: 'plots',
  calibrationPlot: 'calibration.json',
  rocPlot: 'roc.json',
  precisionRecallPlot: 'precision_recall.json',
  confusionPlot: 'confusion.json',
  importancePlot: 'feature_importance.json',
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
  /** The validation headline written into the student dir (its own metrics.json is the student's). */
  validationHeadline: 'validation_metrics.json',
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
  /** Numbers-only headline declared as DVC metrics. */
  headline: 'metrics.json',
  plotsDir: 'plots',
  /** Candidate vs baseline equity and drawdown per bar (DVC plot data). */
  equityPlot: 'equity.json',
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

/** Files the live engine writes into its state directory (default `PATHS.live`). */
export const ENGINE_FILES = {
  /** One JSON line per decision (the reference's telemetry fields), replaced at each session start. */
  telemetry: 'telemetry.jsonl',
  /** Degradation alerts and automatic rollbacks, appended across sessions. */
  alerts: 'alerts.jsonl',
  /** Snapshot of the running session: active model, rolling metrics, progress (rewritten atomically). */
  status: 'engine_status.json',
  /** Rolling precision / hit ratio points of the session, for the dashboard plot. */
  metrics: 'rolling_metrics.jsonl',
} as const;

/**
 * A walk-forward batch directory `<batch_dir>/`: the ledgers, the batch's own copy of its input data, and
 * one directory per window `<SYMBOL>_<start>_to_<end>/` holding the teacher files (TEACHER_FILES) with the
 * student and its validation in sub-directories.
 */
export const BATCH_FILES = {
  teacherRuns: 'teacher_runs.jsonl',
  studentRuns: 'student_runs.jsonl',
  validationRuns: 'validation_runs.jsonl',
  /** What the batch is (run id, windows, params): written first, read by queue workers. */
  spec: 'batch_spec.json',
  /** Counts per status after the last phase that ran. */
  summary: 'batch_summary.json',
  /** Phase 5's statistics across windows. */
  statTests: 'stat_tests.json',
  raw: 'data/raw',
  features: 'data/features',
  student: 'student',
  validation: 'validation',
} as const;

/** Name of a window directory (the reference's): `<SYMBOL>_<start>_to_<end>`. */
export const windowDirName = (symbol: string, start: string, end: string): string =>
  `${symbol}_${start}_to_${end}`;

/** Telemetry file of one run under the telemetry directory. */
export const telemetryFile = (runId: string): string => `training_run_${runId}.jsonl`;

/** Release audit bundle `release/audit_<run_id>/` (the reference's layout). */
export const RELEASE_FILES = {
  bundle: (runId: string) => `audit_${runId}`,
  metrics: 'metrics.json',
  summary: 'summary.md',
  briefing: 'promotion_briefing.md',
  configs: 'configs',
  plots: 'plots',
  telemetry: 'telemetry_summaries',
  approval: 'approval.json',
  /** Human decisions on the bundle, one JSON line each (approve-candidate). */
  audit: 'audit.jsonl',
} as const;
