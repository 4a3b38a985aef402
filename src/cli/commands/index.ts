import { PARAMS_FLAG } from './params-flag.js';
import { PROMOTE_FLAGS, REGISTRY_FLAGS, ROLLBACK_FLAGS, VALIDATE_PROMOTION_FLAGS } from './registry-flags.js';
import { STUDENT_FLAGS } from './student-flags.js';
import { TEACHER_FLAGS } from './teacher-flags.js';
import type { CommandEntry } from './types.js';

export type { Command, CommandEntry } from './types.js';

const CANDIDATE = { name: 'DIR', help: 'Candidate model dir (a student dir).' } as const;

/** Every CLI command by name (modules are imported only when the command runs, not for --help). */
export const COMMANDS: Record<string, CommandEntry> = {
  stage: {
    summary: 'run one DVC pipeline stage (what dvc.yaml calls)',
    args: [{ name: 'STAGE', help: 'ingest | features | teacher | student | validate | report' }],
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
