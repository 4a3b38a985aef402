// The stage barrel. Every stage function is exported as a thin async wrapper that imports its module on
// first call, so a process loads only the stage it runs (`stage ingest` never loads TensorFlow.js and starts
// in ~0.3 s) and dvc.yaml's deps for a stage are exactly that stage's import closure.
import type * as BatchModule from './batch.js';
import type * as FeaturesModule from './features.js';
import type * as IngestModule from './ingest.js';
import type * as ReportModule from './report.js';
import type * as StudentModule from './student.js';
import type * as TeacherModule from './teacher.js';
import type * as ValidateModule from './validate.js';

export type { BatchIO } from './batch.js';
export { stageContext } from './context.js';
export type { StageContext } from './context.js';
export type { FeaturesIO } from './features.js';
export type { IngestIO } from './ingest.js';
export type { ReportIO } from './report.js';
export { STAGES } from './stage-table.js';
export type { StageEntry } from './stage-table.js';
export type { StudentIO } from './student.js';
export type { TeacherIO } from './teacher.js';
export type { ValidateIO } from './validate.js';

type Fn<M, K extends keyof M> = M[K] extends (...a: infer A) => infer R
  ? (...a: A) => Promise<Awaited<R>>
  : never;

/** Teacher core + writer on in-memory bars and features (see ./teacher.ts). */
export const teacherStage: Fn<typeof TeacherModule, 'teacherStage'> = async (...a) =>
  (await import('./teacher.js')).teacherStage(...a);
/** Teacher stage main on explicit directories (see ./teacher.ts). */
export const teacherMain: Fn<typeof TeacherModule, 'teacherMain'> = async (...a) =>
  (await import('./teacher.js')).teacherMain(...a);
/** Student core + writer (see ./student.ts). */
export const studentStage: Fn<typeof StudentModule, 'studentStage'> = async (...a) =>
  (await import('./student.js')).studentStage(...a);
/** Student stage main on explicit directories (see ./student.ts). */
export const studentMain: Fn<typeof StudentModule, 'studentMain'> = async (...a) =>
  (await import('./student.js')).studentMain(...a);
/** Validation core + writer on in-memory bars and features (see ./validate.ts). */
export const validateStage: Fn<typeof ValidateModule, 'validateStage'> = async (...a) =>
  (await import('./validate.js')).validateStage(...a);
/** Validate stage main on explicit directories (see ./validate.ts). */
export const validateMain: Fn<typeof ValidateModule, 'validateMain'> = async (...a) =>
  (await import('./validate.js')).validateMain(...a);
/** Ingest stage main on an explicit output directory (see ./ingest.ts). */
export const ingestMain: Fn<typeof IngestModule, 'ingestMain'> = async (...a) =>
  (await import('./ingest.js')).ingestMain(...a);
/** Features stage main on explicit directories (see ./features.ts). */
export const featuresMain: Fn<typeof FeaturesModule, 'featuresMain'> = async (...a) =>
  (await import('./features.js')).featuresMain(...a);
/** Walk-forward batch stage main (see ./batch.ts; runs only with batch.enabled in params). */
export const batchMain: Fn<typeof BatchModule, 'batchMain'> = async (...a) =>
  (await import('./batch.js')).batchMain(...a);
/** Report stage main: notebooks 01–03 → reports/*.html, and reports/promotion_report.md (see ./report.ts). */
export const reportMain: Fn<typeof ReportModule, 'reportMain'> = async (...a) =>
  (await import('./report.js')).reportMain(...a);
