export {
  ArtifactError,
  ConfigError,
  DataValidationError,
  RegistryError,
  ReportError,
  SenseQuantError,
  ValidationRejectedError,
  clip,
  formatIssue,
  MAX_ECHO_CHARS,
  renderValue,
} from './errors.js';
export type { Issue } from './errors.js';
export { createLogger, logger, logLevel, setLogLevel } from './logger.js';
export type { LogFields, LogLevel, Logger, LogSink } from './logger.js';
export { startProgress } from './progress.js';
export type { Progress } from './progress.js';
export { fail, ok } from './result.js';
export type { Result } from './result.js';
export { createRng } from './rng.js';
export type { Rng } from './rng.js';
