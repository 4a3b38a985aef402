export { stageContext } from './context.js';
export type { StageContext } from './context.js';
export {
  computeFeatures,
  featureOptions,
  featuresMain,
  readFeatureCsv,
  readFeatureDir,
  writeFeatureCsv,
} from './features.js';
export { ingest, ingestMain, readRawBars } from './ingest.js';
export type { IngestResult } from './ingest.js';
export { PATHS } from './paths.js';
export { runStudent, studentMain } from './student.js';
export type { StudentRunOptions } from './student.js';
export { runTeacher, teacherMain } from './teacher.js';
export type { TeacherRunOptions } from './teacher.js';
export { runValidate, validateMain } from './validate.js';
export type { ValidateRunOptions, ValidateRunResult } from './validate.js';

export { STAGES } from './stage-table.js';
export type { StageEntry } from './stage-table.js';
