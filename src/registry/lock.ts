import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RegistryError } from '../core/index.js';
import { fsyncDir } from '../pipeline/index.js';
import { appendAudit } from './audit-log.js';
import { defaultActor, LOCK_FILE, safeProductionVersion } from './layout.js';
import type { LockInfo, LockState } from './types.js';

/** A lock without parseable content younger than this may still be being written by its owner. */
const UNREADABLE_GRACE_MS = 10_000;
const UNLOCK_FIX =
  'check no registry command is running, then run `registry unlock` (or delete the lock file)';

/** A held registry lock. */
export interface RegistryLock {
  info: LockInfo;
  release(): void;
}

function isPidAlive(pid: number): boolean {
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
  // A pid on another host cannot be checked from here: treat the lock as held.
  if (holder.host === hostname() && !isPidAlive(holder.pid)) return { state: 'stale', holder, fix };
  return { state: 'held', holder };
}

function describe(h: LockInfo | null): string {
  return h
    ? `pid ${h.pid} on ${h.host} (${h.action} since ${h.time})`
    : 'unknown holder (unreadable lock file)';
}

/** Takes `<root>/.registry.lock` with O_EXCL; throws RegistryError naming the holder if taken. */
export function acquireRegistryLock(root: string, action: string): RegistryLock {
  mkdirSync(root, { recursive: true });
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
    release: () => {
      // Only remove our own lock: it may have been broken and retaken by someone else meanwhile.
      if (readLockInfo(path)?.token === info.token) {
        unlinkSync(path);
        fsyncDir(root);
      }
    },
  };
}

/** Removes the lock only if it is stale (and logs it); throws RegistryError if a live process holds it. */
export function breakStaleLock(
  root: string,
  actor: string = defaultActor(),
): { removed: boolean; holder: LockInfo | null } {
  const st = readLockState(root);
  if (st.state === 'free') return { removed: false, holder: null };
  if (st.state === 'held') {
    throw new RegistryError('registry lock is held by a live process', [
      {
        path: join(root, LOCK_FILE),
        message: `held by ${describe(st.holder)}`,
        fix: 'wait for it to finish',
      },
    ]);
  }
  try {
    unlinkSync(join(root, LOCK_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fsyncDir(root);
  const from = safeProductionVersion(root);
  appendAudit(root, {
    action: 'unlock',
    from,
    to: from,
    reason: `removed stale lock of ${describe(st.holder)}`,
    forced: false,
    actor,
    checksums: { model_sha256_from: null, model_sha256_to: null },
  });
  return { removed: true, holder: st.holder };
}
