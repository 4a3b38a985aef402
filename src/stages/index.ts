import type { StageContext } from './context.js';
import { featuresMain } from './features.js';
import { ingestMain } from './ingest.js';
import { PATHS } from './paths.js';
import { studentMain } from './student.js';
import { teacherMain } from './teacher.js';
import { validateMain } from './validate.js';

export { stageContext } from './context.js';
export type { StageContext } from './context.js';
export { computeFeatures, featureOptions, featuresMain, readFeatureCsv, readFeatureDir, writeFeatureCsv } from './features.js';
export { ingest, ingestMain, readRawBars } from './ingest.js';
export type { IngestResult } from './ingest.js';
export { PATHS } from './paths.js';
export { runStudent, studentMain } from './student.js';
export type { StudentRunOptions } from './student.js';
export { runTeacher, teacherMain } from './teacher.js';
export type { TeacherRunOptions } from './teacher.js';
export { runValidate, validateMain } from './validate.js';
export type { ValidateRunOptions, ValidateRunResult } from './validate.js';

/** A DVC stage: its main() and the artifact paths it writes. */
export interface StageEntry {
  main(ctx: StageContext): unknown;
  artifacts: string[];
}

/** The stages dvc.yaml runs, by name. */
export const STAGES: Record<string, StageEntry> = {
  ingest: { main: (ctx) => ingestMain(ctx), artifacts: [PATHS.raw] },
  features: { main: (ctx) => featuresMain(ctx), artifacts: [PATHS.features] },
  teacher: { main: (ctx) => teacherMain(ctx), artifacts: [PATHS.teacher] },
  student: { main: (ctx) => studentMain(ctx), artifacts: [PATHS.student] },
  validate: { main: (ctx) => validateMain(ctx), artifacts: [PATHS.validation] },
};
