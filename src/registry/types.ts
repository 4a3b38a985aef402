/** Shared result and record types of the model registry. */

/** One named validation check of a candidate. */
export interface CheckResult {
  name: string;
  pass: boolean;
  detail: string;
}

/** Outcome of validatePromotion: every check, and whether all of them passed. */
export interface ValidationReport {
  canPromote: boolean;
  checks: CheckResult[];
}

/** A file of a model version with its sha256. */
export interface FileChecksum {
  path: string;
  sha256: string;
}

/** What a promotion did (or, for a dry run, would do). */
export interface PromotionResult {
  dryRun: boolean;
  version: string;
  from: string | null;
  to: string;
  forced: boolean;
  reason: string | null;
  /** Files of the new version (candidate files plus registry files) with checksums. */
  files: FileChecksum[];
  model_sha256_from: string | null;
  model_sha256_to: string;
  checks: CheckResult[];
  /** Directory under archive/ that holds (or would hold) the version. */
  archiveDir: string;
  /** True when an identical version staged by an interrupted earlier attempt was reused. */
  reusedStaged: boolean;
}

/** What a rollback did (or, for a dry run, would do). */
export interface RollbackResult {
  dryRun: boolean;
  from: string | null;
  to: string;
  reason: string | null;
  model_sha256_from: string | null;
  model_sha256_to: string;
  files: FileChecksum[];
}

export type AuditAction =
  | 'promote'
  | 'promote-refused'
  | 'rollback'
  | 'recover'
  | 'unlock'
  | 'approve-candidate';

/** One line of `<root>/audit.jsonl`. */
export interface AuditEntry {
  when: string;
  action: AuditAction;
  from: string | null;
  to: string | null;
  reason: string | null;
  forced: boolean;
  actor: string;
  checksums: { model_sha256_from: string | null; model_sha256_to: string | null };
  candidate?: string;
  /** Commit of the working tree the action ran from. */
  git_commit?: string | null;
}

/** Content of `<root>/.registry.lock`. */
export interface LockInfo {
  pid: number;
  host: string;
  time: string;
  action: string;
  token: string;
}

export type LockState =
  | { state: 'free' }
  | { state: 'held'; holder: LockInfo | null; foreign?: boolean; fix?: string }
  | { state: 'stale'; holder: LockInfo | null; fix: string };

/** Checksum status of one stored version. */
export interface VersionCheck {
  version: string;
  model_sha256: string | null;
  verified: boolean;
  problems: string[];
}

/** Snapshot returned by registryStatus. */
export interface RegistryStatus {
  root: string;
  production: VersionCheck | null;
  /** Problems with the production pointer itself (not a symlink, dangling, ...). */
  productionProblems: string[];
  archive: VersionCheck[];
  lock: LockState;
  leftovers: string[];
  lastAction: AuditEntry | null;
}
