import { ArtifactError } from '../core/index.js';

/** errno → what went wrong and how to fix it, for a directory or file the project writes. */
const REASONS: Record<string, { message: string; fix: string }> = {
  EACCES: {
    message: 'permission denied',
    fix: 'choose an output directory you can write to, or fix its permissions (chmod/chown)',
  },
  EPERM: {
    message: 'operation not permitted',
    fix: 'choose an output directory you can write to, or fix its permissions (chmod/chown)',
  },
  EROFS: { message: 'read-only filesystem', fix: 'choose an output directory on a writable filesystem' },
  ENOSPC: {
    message: 'no space left on device',
    fix: 'free space on that filesystem or choose another output directory (existing outputs are unchanged: writes are atomic)',
  },
  EDQUOT: {
    message: 'disk quota exceeded',
    fix: 'free space within your quota or choose another output directory (existing outputs are unchanged)',
  },
  ENOTDIR: {
    message: 'a part of this path is a file, not a directory',
    fix: 'remove or rename that file, or choose another output directory',
  },
  EEXIST: {
    message: 'exists and is not a directory',
    fix: 'remove or rename it, or choose another output directory',
  },
  EISDIR: {
    message: 'is a directory where a file is to be written',
    fix: 'remove or rename that directory',
  },
  ENAMETOOLONG: { message: 'path too long', fix: 'choose a shorter output path' },
  ELOOP: { message: 'too many levels of symbolic links', fix: 'fix the symbolic links in the path' },
  // mkdir(2) says ENOENT under /proc and similar pseudo filesystems even though the parent exists.
  ENOENT: {
    message: 'cannot be created here (a special filesystem such as /proc or /sys, or a parent was removed)',
    fix: 'choose an output directory on a regular, writable filesystem',
  },
  EIO: { message: 'input/output error', fix: 'check the disk, then re-run' },
  EMFILE: { message: 'too many open files', fix: 'raise the open-file limit (ulimit -n) and re-run' },
  ENFILE: { message: 'too many open files in the system', fix: 'close other programs and re-run' },
};

/** True for an error raised by a system call (it carries an errno code such as EACCES). */
export function isErrnoError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && 'syscall' in e;
}

/**
 * Translates a failed filesystem call while writing outputs into an ArtifactError (exit code 1) naming
 * the path, the reason and the fix. Output-location problems are I/O failures, exit 1, whether they
 * show at mkdir or mid-write; exit 3 is kept for invalid params, flags and settings.
 */
export function outputError(e: NodeJS.ErrnoException, path: string, what = 'output'): ArtifactError {
  const code = e.code ?? 'UNKNOWN';
  const r = REASONS[code] ?? {
    message: `${e.syscall ?? 'write'} failed (${code})`,
    fix: 'check the output directory and re-run',
  };
  return new ArtifactError(`cannot write ${what} ${path}: ${r.message}`, [
    { path, file: path, message: `${r.message} (${code})`, fix: r.fix },
  ]);
}
