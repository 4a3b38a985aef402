import { mkdirSync, type Stats, statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ArtifactError } from '../core/index.js';
import { isErrnoError, outputError } from './output-error.js';

/** Linux pseudo filesystems (statfs f_type) on which no artifact can live. */
const PSEUDO_FILESYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0x62656570, 'configfs'],
  [0xde5e81e4, 'efivarfs'],
  [0x65735543, 'fusectl'],
  [0x42494e4d, 'binfmt_misc'],
  [0x19800202, 'mqueue'],
  [0x6e736673, 'nsfs'],
  [0xf97cff8c, 'selinuxfs'],
]);

function refuseSpecialFilesystem(existing: string, target: string, what: string): void {
  if (process.platform !== 'linux') return;
  let type: number;
  try {
    type = statfsSync(existing).type >>> 0;
  } catch {
    return; // statfs unsupported here: mkdir/write report any real problem
  }
  const fs = PSEUDO_FILESYSTEMS.get(type);
  if (fs === undefined) return;
  throw new ArtifactError(`cannot write ${what} ${target}: ${existing} is on the ${fs} pseudo filesystem`, [
    {
      path: target,
      file: target,
      message: `${existing} is on a special filesystem (${fs}), where files cannot be stored`,
      fix: 'choose an output directory on a regular, writable filesystem',
    },
  ]);
}

function notADirectory(path: string, target: string, st: Stats, what: string): ArtifactError {
  const kind = st.isFile() ? 'a file' : 'not a directory';
  return new ArtifactError(`cannot write ${what} ${target}: ${path} is ${kind}`, [
    {
      path,
      file: path,
      message: `is ${kind}; a directory is expected${path === target ? '' : ` (a parent of ${target})`}`,
      fix: 'remove or rename it, or choose another output directory',
    },
  ]);
}

/**
 * Creates `dir` and its missing parents (`mkdir -p`), or checks that it is a directory. Every failure is an
 * ArtifactError (exit 1) naming the path and the fix: a file where a directory is expected, permission
 * denied, a read-only or full filesystem, a pseudo filesystem such as /proc. Node's own recursive mkdir
 * spins forever under /proc (mkdir there says ENOENT although the parent exists), so parents are created
 * one at a time.
 */
export function ensureDir(target: string, what = 'output directory'): void {
  const dir = target === '' ? '.' : target; // join('', name) writes into the working directory
  const missing: string[] = [];
  let cur = dir;
  for (;;) {
    let st: Stats | undefined;
    try {
      st = statSync(cur);
    } catch (e) {
      if (!isErrnoError(e)) throw e;
      if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR') throw outputError(e, cur, what);
    }
    if (st !== undefined) {
      if (!st.isDirectory()) throw notADirectory(cur, dir, st, what);
      break;
    }
    const parent = dirname(cur);
    missing.push(cur);
    if (parent === cur) break;
    cur = parent;
  }
  refuseSpecialFilesystem(cur, dir, what);
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if (!isErrnoError(e)) throw e;
      if (e.code === 'EEXIST') {
        const st = statSync(d, { throwIfNoEntry: false });
        if (st?.isDirectory()) continue; // created meanwhile by another process
        if (st) throw notADirectory(d, dir, st, what);
      }
      throw outputError(e, d, what);
    }
  }
}
