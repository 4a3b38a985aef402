import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RegistryError } from '../core/index.js';
import { ensureDir, fsyncDir } from '../pipeline/index.js';
import { appendAudit } from './audit-log.js';
import { unlockPoint } from './crash-hook.js';
import { defaultActor, LOCK_FILE, safeProductionVersion } from './layout.js';
import type { LockInfo, LockState } from './types.js';

/** A lock without parseable content younger than this may still be being written by its owner. */
const UNREADABLE_GRACE_MS = 10_000;
const UNLOCK_FIX =
  'check no registry command is running, then run `registry unlock` (or delete the lock file)';

/** A held registry lock. */
export interface RegistryLock {
  info: LockInfo;
  /** Throws RegistryError unless the lock file still carries this operation's token (checked before the switch). */
  assertHeld(): void;
  release(): void;
}

/** Whether a process with this pid exists on this host. */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLockInfo(path: string): LockInfo | null {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return null;
    return v as LockInfo;
  } catch {
    return null;
  }
}

/** Reports whether the registry lock is free, held by a live process, or stale (owner gone). */
export function readLockState(root: string): LockState {
  const path = join(root, LOCK_FILE);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return { state: 'free' };
  }
  const holder = readLockInfo(path);
  const fix = `${UNLOCK_FIX}: ${path}`;
  if (!holder) {
    return Date.now() - mtimeMs > UNREADABLE_GRACE_MS
      ? { state: 'stale', holder, fix }
      : { state: 'held', holder };
  }
  // A pid on another host (or container) cannot be checked from here: held until the operator says otherwise.
  if (holder.host !== hostname()) {
    return {
      state: 'held',
      holder,
      foreign: true,
      fix: `held from another host (${holder.host}); if that host or container is gone: registry unlock --other-host`,
    };
  }
  if (!isPidAlive(holder.pid)) return { state: 'stale', holder, fix };
  return { state: 'held', holder };
}

function describe(h: LockInfo | null): string {
  return h
    ? `pid ${h.pid} on ${h.host} (${h.action} since ${h.time})`
    : 'unknown holder (unreadable lock file)';
}

/** Takes `<root>/.registry.lock` with O_EXCL; throws RegistryError naming the holder if taken. */
export function acquireRegistryLock(root: string, action: string): RegistryLock {
  ensureDir(root, 'registry root');
  const path = join(root, LOCK_FILE);
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    time: new Date().toISOString(),
    action,
    token: randomBytes(8).toString('hex'),
  };
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const st = readLockState(root);
    const holder = st.state === 'free' ? null : st.holder;
    const stale = st.state === 'stale';
    throw new RegistryError(stale ? 'registry lock is stale' : 'registry is locked by another operation', [
      {
        code: stale ? 'registry.lock_stale' : 'registry.locked',
        path,
        message: `${stale ? 'left behind by' : 'held by'} ${describe(holder)}`,
        fix: stale ? UNLOCK_FIX : 'wait for it to finish and retry',
      },
    ]);
  }
  try {
    writeSync(fd, `${JSON.stringify(info)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  fsyncDir(root);
  return {
    info,
    assertHeld: () => {
      if (readLockInfo(path)?.token !== info.token) {
        throw new RegistryError('the registry lock was taken from this operation; production untouched', [
          {
            path,
            message: 'lock file missing or owned by another operation',
            fix: 'registry status, then retry',
          },
        ]);
      }
    },
    release: () => {
      // Only remove our own lock: it may have been broken and retaken by someone else meanwhile.
      if (readLockInfo(path)?.token === info.token) {
        unlinkSync(path);
        fsyncDir(root);
      }
    },
  };
}

/** Name of the short-lived mutex that serialises `registry unlock` (never held during promote/rollback). */
export const BREAK_MUTEX = `${LOCK_FILE}.break`;
/** An unlock mutex older than this was left by a killed `registry unlock` (an unlock takes milliseconds). */
const BREAK_MUTEX_STALE_MS = 60_000;

function takeBreakMutex(root: string): () => void {
  const path = join(root, BREAK_MUTEX);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(
        fd,
        `${JSON.stringify({ pid: process.pid, host: hostname(), time: new Date().toISOString() })}\n`,
      );
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let age = 0;
      try {
        age = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue; // released meanwhile: retry
      }
      if (age <= BREAK_MUTEX_STALE_MS) break;
      unlinkSync(path);
    }
  }
  throw new RegistryError('another `registry unlock` is in progress', [
    {
      path,
      message: 'unlock mutex held',
      fix: `retry in a minute (a mutex older than ${BREAK_MUTEX_STALE_MS / 1000} s is ignored)`,
    },
  ]);
}

/** Options of breakStaleLock. */
export interface BreakLockOptions {
  actor?: string;
  /**
   * Also remove a lock held by a process on another host (or container): its pid cannot be checked from
   * here, so only the operator can declare it dead (`registry unlock --other-host`).
   */
  otherHost?: boolean;
}

/**
 * Removes the lock only if it is stale (owner process gone, or on another host with `otherHost`), and
 * logs it. Unlocks are serialised by a mutex and the lock is re-read immediately before it is removed, so
 * two racing unlocks can never remove a lock that a promote took in between: only the lock that was
 * inspected is ever removed. Throws RegistryError if a live process holds it.
 */
export function breakStaleLock(
  root: string,
  opts: BreakLockOptions | string = {},
): { removed: boolean; holder: LockInfo | null } {
  const o: BreakLockOptions = typeof opts === 'string' ? { actor: opts } : opts;
  const path = join(root, LOCK_FILE);
  const release = takeBreakMutex(root);
  try {
    const st = readLockState(root);
    if (st.state === 'free') return { removed: false, holder: null };
    const foreign = st.holder !== null && st.holder.host !== hostname();
    if (st.state === 'held' && !(foreign && o.otherHost)) {
      throw new RegistryError('registry lock is held by a live process', [
        {
          path,
          message: `held by ${describe(st.holder)}`,
          fix: foreign
            ? `it is on another host (${st.holder?.host}): if that host or container is gone, run \`registry unlock --other-host\``
            : 'wait for it to finish',
        },
      ]);
    }
    let inspected: Buffer;
    try {
      inspected = readFileSync(path);
    } catch {
      return { removed: false, holder: null };
    }
    unlockPoint('unlock-inspected');
    // Only the lock inspected above may go: if its bytes changed, someone else owns the file now.
    let current: Buffer | null = null;
    try {
      current = readFileSync(path);
    } catch {
      return { removed: false, holder: null };
    }
    if (!current.equals(inspected)) {
      throw new RegistryError('the registry lock changed while unlocking; nothing removed', [
        {
          path,
          message: 'a new operation took the lock',
          fix: 'run registry status and retry if it is stale',
        },
      ]);
    }
    unlinkSync(path);
    fsyncDir(root);
    const from = safeProductionVersion(root);
    appendAudit(root, {
      action: 'unlock',
      from,
      to: from,
      reason: `removed ${st.state === 'held' ? 'foreign' : 'stale'} lock of ${describe(st.holder)}`,
      forced: st.state === 'held',
      actor: o.actor ?? defaultActor(),
      checksums: { model_sha256_from: null, model_sha256_to: null },
    });
    return { removed: true, holder: st.holder };
  } finally {
    release();
  }
}
