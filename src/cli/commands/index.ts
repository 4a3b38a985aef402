import { APPROVE_FLAGS, BATCH_WORKER_FLAGS, HISTORICAL_FLAGS, TRAIN_BATCH_FLAGS } from './batch-flags.js';
import { PARAMS_FLAG } from './params-flag.js';
import { PRODUCTION_FLAGS } from './production-flags.js';
import { PROMOTE_FLAGS, REGISTRY_FLAGS, ROLLBACK_FLAGS, VALIDATE_PROMOTION_FLAGS } from './registry-flags.js';
import { STUDENT_FLAGS } from './student-flags.js';
import { TEACHER_FLAGS } from './teacher-flags.js';
import { ENGINE_FLAGS } from './engine-flags.js';
import type { CommandEntry } from './types.js';

export type { Command, CommandEntry } from './types.js';

const CANDIDATE = { name: 'DIR', help: 'Candidate model dir (a student dir).' } as const;

/** Every CLI command by name (modules are imported only when the command runs, not for --help). */
export const COMMANDS: Record<string, CommandEntry> = {
  stage: {
    summary: 'run one DVC pipeline stage (what dvc.yaml calls)',
    args: [{ name: 'STAGE', help: 'ingest | features | teacher | student | validate | batch | report' }],
    flags: { params: PARAMS_FLAG },
    load: async () => (await import('./stage.js')).stageCommand,
  },
  'train-teacher': {
    summary: 'label forward returns and train the teacher (flags override params.yaml)',
    flags: TEACHER_FLAGS,
    usesTf: true,
    load: async () => (await import('./train-teacher.js')).trainTeacherCommand,
  },
  'train-student': {
    summary:
      'distil a calibrated student from a teacher dir; --validate backtests it and writes the checklist',
    flags: STUDENT_FLAGS,
    notes: [
      'Output: without --output-dir the student goes next to the teacher it reads (<teacher-dir>/../student). ' +
        'When that is a DVC-tracked output (the default teacher data/models/teacher would put it in ' +
        'data/models/student), it goes to data/models/runs/<config_hash>/student instead: a DVC output is ' +
        'written only when passed explicitly as --output-dir.',
    ],
    usesTf: true,
    load: async () => (await import('./train-student.js')).trainStudentCommand,
  },
  'validate-promotion': {
    summary: 'check a candidate model dir can be promoted (exit 2 if not)',
    args: [CANDIDATE],
    flags: VALIDATE_PROMOTION_FLAGS,
    load: async () => (await import('./registry-commands.js')).validatePromotionCommand,
  },
  promote: {
    summary: 'archive production and switch to a candidate atomically (--dry-run, --force --reason)',
    args: [CANDIDATE],
    flags: PROMOTE_FLAGS,
    load: async () => (await import('./registry-commands.js')).promoteCommand,
  },
  rollback: {
    summary: 'restore the previous (or --to VERSION) production model atomically',
    flags: ROLLBACK_FLAGS,
    load: async () => (await import('./registry-commands.js')).rollbackCommand,
  },
  registry: {
    summary: 'registry status | registry unlock',
    args: [{ name: 'ACTION', help: 'status (print the registry state) | unlock (remove a stale lock)' }],
    flags: REGISTRY_FLAGS,
    load: async () => (await import('./registry-commands.js')).registryCommand,
  },
  engine: {
    summary: 'live scoring engine: engine replay | engine status | engine dashboard',
    args: [
      { name: 'ACTION', help: 'replay (stored bars through the engine as if live) | status | dashboard' },
    ],
    flags: ENGINE_FLAGS,
    load: async () => (await import('./engine.js')).engineCommand,
  },
  'train-batch': {
    summary: 'train teacher + student on every symbol × rolling window (resumable, parallel, telemetry)',
    flags: TRAIN_BATCH_FLAGS,
    notes: [
      'Windows: <batch-dir>/<SYMBOL>_<start>_to_<end>/ (teacher files, student/); ledgers teacher_runs.jsonl ' +
        'and student_runs.jsonl. A rerun with the same config resumes: verified windows are reused, partial ones ' +
        'redone. Exit 1 when a window failed (the batch still finishes).',
    ],
    usesTf: true,
    load: async () => (await import('./train-batch.js')).trainBatchCommand,
  },
  'run-historical-training': {
    summary:
      'the seven phases: ingestion, teacher, student, validation, statistical tests, release audit, promotion briefing',
    flags: HISTORICAL_FLAGS,
    notes: [
      'Writes the batch as train-batch does, validation/ in each window, and release/audit_<run_id>/ ' +
        '(metrics.json, summary.md, promotion_briefing.md, configs/, plots/). --skip-fetch skips phase 1’s fetch.',
    ],
    usesTf: true,
    load: async () => (await import('./run-historical-training.js')).runHistoricalTrainingCommand,
  },
  'batch-worker': {
    summary: 'take batch windows from a Redis queue (--queue) and train them; run one per machine or core',
    flags: BATCH_WORKER_FLAGS,
    notes: [
      'Run it in a checkout of the same project whose batch directory is shared storage: windows are ' +
        'written to the batch directory the job names, relative to the working directory.',
    ],
    usesTf: true,
    load: async () => (await import('./batch-worker.js')).batchWorkerCommand,
  },
  'approve-candidate': {
    summary: 'record a human approval of a run’s release audit in the audit log',
    args: [{ name: 'RUN_ID', help: 'Run id of the release audit (release/audit_<RUN_ID>/).' }],
    flags: APPROVE_FLAGS,
    load: async () => (await import('./approve-candidate.js')).approveCandidateCommand,
  },
  'train-production': {
    summary:
      'one-shot production training: data, teacher, student (--optimize), validation, promotion if it passes',
    flags: PRODUCTION_FLAGS,
    notes: [
      'Exit codes: 0 promoted (or --dry-run passed), 1 training failed, 2 validation failed (below ' +
        '--min-accuracy or checklist REJECT, without --force), 3 configuration error. The weekly workflow ' +
        '.github/workflows/train-model.yml runs it and uploads the checklist.',
    ],
    usesTf: true,
    load: async () => (await import('./train-production.js')).trainProductionCommand,
  },
  'params-schema': {
    summary: 'write params.schema.json (JSON Schema of params.yaml, from the zod schema)',
    flags: {
      out: {
        type: 'string',
        value: 'FILE',
        help: 'Where to write the schema.',
        default: 'params.schema.json',
      },
    },
    load: async () => (await import('./params-schema.js')).paramsSchemaCommand,
  },
};
