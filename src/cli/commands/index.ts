import type { CommandEntry } from './types.js';

export type { Command, CommandEntry } from './types.js';

/** Every CLI command by name (modules are imported only when the command runs). */
export const COMMANDS: Record<string, CommandEntry> = {
  stage: {
    summary: 'run one DVC pipeline stage (what dvc.yaml calls)',
    load: async () => (await import('./stage.js')).stageCommand,
  },
  'train-teacher': {
    summary: 'label forward returns and train the teacher (flags override params.yaml)',
    usesTf: true,
    load: async () => (await import('./train-teacher.js')).trainTeacherCommand,
  },
  'train-student': {
    summary:
      'distil a calibrated student from a teacher dir; --validate backtests it and writes the checklist',
    usesTf: true,
    load: async () => (await import('./train-student.js')).trainStudentCommand,
  },
  'validate-promotion': {
    summary: 'check a candidate model dir can be promoted (exit 2 if not)',
    load: async () => (await import('./registry-commands.js')).validatePromotionCommand,
  },
  promote: {
    summary: 'archive production and switch to a candidate atomically (--dry-run, --force --reason)',
    load: async () => (await import('./registry-commands.js')).promoteCommand,
  },
  rollback: {
    summary: 'restore the previous (or --to VERSION) production model atomically',
    load: async () => (await import('./registry-commands.js')).rollbackCommand,
  },
  registry: {
    summary: 'registry status | registry unlock',
    load: async () => (await import('./registry-commands.js')).registryCommand,
  },
  engine: {
    summary: 'live scoring engine: engine replay | engine status | engine dashboard',
    load: async () => (await import('./engine.js')).engineCommand,
  },
  'params-schema': {
    summary: 'write params.schema.json (JSON Schema of params.yaml, from the zod schema)',
    load: async () => (await import('./params-schema.js')).paramsSchemaCommand,
  },
};
