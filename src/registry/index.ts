export type { AuditLog } from './audit-log.js';
export { appendAudit, readAudit } from './audit-log.js';
export type { CandidateMetadata, PromotionChecklist } from './candidate-schema.js';
export { candidateMetadataSchema, promotionChecklistSchema, teacherLinkSchema } from './candidate-schema.js';
export type { RegistryCrashStep } from './crash-hook.js';
export { PROMOTE_CRASH_STEPS, ROLLBACK_CRASH_STEPS, setRegistryCrashHook } from './crash-hook.js';
export {
  ARCHIVE,
  AUDIT_FILE,
  CANDIDATE_TMP_PREFIX,
  DEFAULT_REGISTRY_ROOT,
  defaultActor,
  LOCK_FILE,
  MANIFEST_FILE,
  PRODUCTION,
  readProductionVersion,
  versionDir,
} from './layout.js';
export type { LoadedProductionModel } from './load-production.js';
export { loadProductionModelJson, productionModelPath } from './load-production.js';
export type { RegistryLock } from './lock.js';
export { acquireRegistryLock, breakStaleLock, readLockState } from './lock.js';
export type { DirVerification } from './manifest.js';
export { verifyVersionDir } from './manifest.js';
export type { PromoteOptions } from './promote.js';
export { promote } from './promote.js';
export { registryStatus } from './registry-status.js';
export type { RollbackOptions } from './rollback.js';
export { previousProduction, rollback } from './rollback.js';
export type {
  AuditAction,
  AuditEntry,
  CheckResult,
  FileChecksum,
  LockInfo,
  LockState,
  PromotionResult,
  RegistryStatus,
  RollbackResult,
  ValidationReport,
  VersionCheck,
} from './types.js';
export type { ValidatePromotionOptions } from './validate-promotion.js';
export { INTEGRITY_CHECKS, validatePromotion } from './validate-promotion.js';
export type { BundleCheck, BundleMetadata, ModelBundle } from './model-bundle.js';
export { bundleMetadataSchema, checkModelBundle, openModelBundle } from './model-bundle.js';
export { readJsonFile, readRegularFile, REGISTRY_LIMITS } from './bounded-read.js';
