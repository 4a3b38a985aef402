import type { FlagTable } from '../flag-spec.js';
import { PARAMS_FLAG } from './params-flag.js';

/** Flags of `train-student` (the reference's train_student.py options). */
export const STUDENT_FLAGS = {
  'teacher-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Teacher run to distil from.',
    default: 'data/models/teacher (the DVC teacher)',
  },
  'output-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Where the student (and with --validate its validation reports) go.',
    default: '<teacher-dir>/../student, see below',
  },
  'model-type': { type: 'string', help: 'Student family.', param: 'student.model_type', overrides: true },
  'hyperparameter-tuning': {
    type: 'boolean',
    help: 'Search hyper-parameters by walk-forward CV (on when student.tuning.enabled is true).',
  },
  'cv-folds': {
    type: 'number',
    value: 'N',
    help: 'Walk-forward folds for tuning.',
    param: 'student.cv_folds',
    overrides: true,
  },
  'test-size': {
    type: 'number',
    value: 'X',
    help: "Share of the time line held out as the test period; must equal the teacher run's.",
    param: 'split.test_size',
    overrides: true,
  },
  incremental: { type: 'boolean', help: 'Warm-start from --baseline-student.' },
  'baseline-student': {
    type: 'string',
    value: 'FILE',
    help: 'student_model.json to warm-start from (with --incremental).',
    default: 'none',
  },
  params: PARAMS_FLAG,
  validate: {
    type: 'boolean',
    help: 'Backtest the student out of sample against the baseline and write the validation reports and promotion_checklist.{md,json} into the output dir; exit 2 unless PROMOTE.',
  },
  'generate-checklist': {
    type: 'boolean',
    help: 'Same as --validate (the checklist is written by the validation; kept for the reference CLI).',
  },
  'validation-symbols': {
    type: 'list',
    value: 'A B ...',
    help: 'Symbols to validate on; empty = all.',
    param: 'validation.symbols',
  },
  'validation-start': {
    type: 'date',
    value: 'YYYY-MM-DD',
    help: 'First validation session; null = start of the test split.',
    param: 'validation.start',
  },
  'validation-end': {
    type: 'date',
    value: 'YYYY-MM-DD',
    help: 'Last validation session; null = end of the data.',
    param: 'validation.end',
  },
  'baseline-model': {
    type: 'string',
    value: 'DIR',
    help: 'Baseline student dir; null = SMA 20/50 crossover rule.',
    param: 'validation.baseline_model',
  },
  'min-precision-uplift': {
    type: 'number',
    value: 'X',
    help: 'LONG precision must beat the baseline by this (absolute).',
    param: 'validation.thresholds.min_precision_uplift',
    overrides: true,
  },
  'min-hit-ratio-uplift': {
    type: 'number',
    value: 'X',
    help: 'Hit ratio must beat the baseline by this (absolute).',
    param: 'validation.thresholds.min_hit_ratio_uplift',
    overrides: true,
  },
  'min-sharpe-uplift': {
    type: 'number',
    value: 'X',
    help: 'Relative Sharpe uplift (c − b)/|b| required.',
    param: 'validation.thresholds.min_sharpe_uplift',
    overrides: true,
  },
  'require-all-criteria': {
    type: 'bool',
    value: 'true|false',
    help: 'All criteria must pass (else the three core ones).',
    param: 'validation.thresholds.require_all_criteria',
    overrides: true,
  },
  'confidence-threshold': {
    type: 'number',
    value: 'X',
    help: 'Min top-class probability to act.',
    param: 'strategy.confidence_threshold',
    overrides: true,
  },
} as const satisfies FlagTable;
