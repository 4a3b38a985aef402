import { paramsSchemaCommand } from './params-schema.js';
import { stageCommand } from './stage.js';
import { trainStudentCommand } from './train-student.js';
import { trainTeacherCommand } from './train-teacher.js';
import type { Command } from './types.js';

export type { Command } from './types.js';

/** Every CLI command by name. */
export const COMMANDS: Record<string, Command> = {
  stage: stageCommand,
  'train-teacher': trainTeacherCommand,
  'train-student': trainStudentCommand,
  'params-schema': paramsSchemaCommand,
};
