import { RegistryError, SenseQuantError } from '../core/index.js';

const HINTS: Record<string, string> = {
  ENOSPC: 'the disk is full: free space and retry',
  EDQUOT: 'the disk quota is exhausted: free space and retry',
  EACCES: 'permission denied: run as a user who can write the registry root',
  EPERM: 'operation not permitted: check the registry root’s permissions',
  EROFS: 'the registry root is on a read-only filesystem',
  EIO: 'an I/O error occurred: check the disk',
};

/**
 * Turns a filesystem error during a registry operation into a RegistryError that says what happened and
 * whether production was switched (the switch is a single rename after every write succeeded; only the
 * audit append comes after it).
 */
export function explainFsError(err: unknown, action: string, switched = false): unknown {
  if (err instanceof SenseQuantError) return err;
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code !== 'string' || !(e.code in HINTS || e.syscall)) return err;
  const state = switched
    ? 'production was switched but not logged (the next registry operation records it)'
    : 'production untouched';
  return new RegistryError(`${action} failed: ${e.code}; ${state}, lock released`, [
    {
      path: e.path ?? action,
      message: `${e.syscall ?? 'filesystem'}: ${e.code}`,
      fix: `${HINTS[e.code] ?? 'fix the filesystem problem'}, then retry (registry status shows any leftovers; the next operation removes them)`,
    },
  ]);
}
