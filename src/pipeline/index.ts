export {
  fsyncDir,
  setAtomicWriteCrashHook,
  setAtomicWriteDurability,
  stableStringify,
  writeFileAtomic,
  writeJsonAtomic,
} from './atomic-write.js';
export type { CrashHook } from './atomic-write.js';
export {
  parseJsonBytes,
  READ_LIMITS,
  readFileBounded,
  readJsonBounded,
  readTextBounded,
} from './bounded-read.js';
export type { BoundedReadOptions } from './bounded-read.js';
export { readColumnsCsv, writeColumnsCsv } from './columns-csv.js';
export { ensureDir } from './ensure-dir.js';
export { gunzipBounded } from './gunzip-bounded.js';
export { isErrnoError, outputError } from './output-error.js';
export { prepareOutputDir } from './prepare-output-dir.js';
export { projectVenv } from './project-venv.js';
export { atomicTempPath, atomicTempPid, removeStaleTemps } from './temp-files.js';
export type { Column, ColumnsTable } from './columns-csv.js';
export { canonicalJson, configHash, sha256, sha256Dir, sha256File, sha256Path } from './hashing.js';
export { appendStageRecord, withStageRecord } from './lineage.js';
export type { StageRecord } from './lineage.js';
export { stageProvenance } from './metadata.js';
export type { StageProvenance } from './metadata.js';
export { gitCommit, machineVersions, pinnedVersions, readTextOrNull, toolVersions } from './versions.js';
export { artifactTimestamp, roundDeep } from './artifact-time.js';
export {
  ENGINE_FILES,
  BATCH_FILES,
  EVALUATION_FILES,
  FEATURE_FILES,
  METADATA_FILE,
  PATHS,
  RAW_FILES,
  REGISTRY_FILES,
  RELEASE_FILES,
  REPORT_FILES,
  REPORT_NOTEBOOKS,
  RUN_LOG_FILE,
  STUDENT_FILES,
  symbolFile,
  TEACHER_FILES,
  telemetryFile,
  VALIDATION_FILES,
  windowDirName,
} from './artifact-layout.js';
