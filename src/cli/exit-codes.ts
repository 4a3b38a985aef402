import {
  ArtifactError,
  ConfigError,
  DataValidationError,
  RegistryError,
  SenseQuantError,
  ValidationRejectedError,
} from '../core/index.js';

/** Process exit codes: 0 ok, 1 failure, 2 validation rejected, 3 configuration error. */
export const EXIT = { OK: 0, FAILURE: 1, REJECTED: 2, CONFIG: 3 } as const;

/** Maps an error to its exit code; the only place where this mapping lives. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof ConfigError) return EXIT.CONFIG;
  if (err instanceof ValidationRejectedError) return EXIT.REJECTED;
  if (err instanceof DataValidationError || err instanceof ArtifactError || err instanceof RegistryError)
    return EXIT.FAILURE;
  if (err instanceof SenseQuantError) return EXIT.FAILURE;
  return EXIT.FAILURE;
}
