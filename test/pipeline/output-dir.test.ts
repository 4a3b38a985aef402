import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ArtifactError, type SenseQuantError } from '../../src/core/index.js';
import {
  ensureDir,
  prepareOutputDir,
  removeStaleTemps,
  setAtomicWriteCrashHook,
  writeFileAtomic,
} from '../../src/pipeline/index.js';
import { tempDir } from '../data/tmp-files.js';

function failure(fn: () => unknown): SenseQuantError {
  try {
    fn();
  } catch (e) {
    return e as SenseQuantError;
  }
  throw new Error('expected a failure');
}

const errno = (code: string, syscall = 'write') =>
  Object.assign(new Error(`${code}: simulated, ${syscall}`), { code, syscall, errno: -1 });

afterEach(() => setAtomicWriteCrashHook(undefined));

describe('ensureDir', () => {
  it('creates missing parents and accepts an existing directory', () => {
    const d = join(tempDir(), 'a', 'b', 'c');
    ensureDir(d);
    ensureDir(d);
    expect(readdirSync(join(d, '..'))).toEqual(['c']);
  });

  it('a file where a directory is expected is an error naming the file', () => {
    const root = tempDir();
    const file = join(root, 'teacher');
    writeFileSync(file, 'x');
    const itself = failure(() => ensureDir(file));
    expect(itself).toBeInstanceOf(ArtifactError);
    expect(itself.issues[0]).toMatchObject({ path: file, message: 'is a file; a directory is expected' });
    const parent = failure(() => ensureDir(join(file, 'plots', 'x')));
    expect(parent.issues[0]).toMatchObject({
      path: file,
      message: `is a file; a directory is expected (a parent of ${join(file, 'plots', 'x')})`,
    });
  });

  it('under /proc is a clear error at once (node’s recursive mkdir spins there forever)', () => {
    // Run in a child with a timeout: a regression would hang this worker, not fail it.
    const url = pathToFileURL(resolve('dist/src/pipeline/index.js')).href;
    const script = `import { ensureDir } from '${url}';
      try { ensureDir('/proc/x/teacher'); process.stdout.write('created?!'); }
      catch (e) { process.stdout.write(e.constructor.name + ': ' + e.message); }`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.signal).toBeNull();
    expect(r.stdout).toMatch(
      /^ArtifactError: cannot write output directory \/proc\/x\/teacher: \/proc is on the proc pseudo filesystem/,
    );
  });
});

describe('writeFileAtomic on a failing filesystem', () => {
  for (const [code, text, fix] of [
    ['ENOSPC', 'no space left on device', /free space/],
    ['EROFS', 'read-only filesystem', /writable filesystem/],
    ['EDQUOT', 'disk quota exceeded', /quota/],
  ] as const) {
    it(`${code} during the write: ArtifactError naming the file and the fix; old file intact, no temp left`, () => {
      const dir = tempDir();
      const f = join(dir, 'model.json');
      writeFileAtomic(f, 'old');
      setAtomicWriteCrashHook((p) => {
        if (p === 'after-temp-write') throw errno(code);
      });
      const e = failure(() => writeFileAtomic(f, 'new'));
      expect(e).toBeInstanceOf(ArtifactError);
      expect(e.message.split('\n')[0]).toBe(`cannot write output ${f}: ${text}`);
      expect(e.issues[0].fix).toMatch(fix);
      expect(readFileSync(f, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['model.json']);
    });
  }

  it('a directory in the place of the file is an error, not a stack trace', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'metadata.json'));
    const e = failure(() => writeFileAtomic(join(dir, 'metadata.json'), '{}'));
    expect(e).toBeInstanceOf(ArtifactError);
    expect(e.issues[0].message).toBe('is a directory where a file is to be written (EISDIR)');
    expect(readdirSync(dir)).toEqual(['metadata.json']);
  });

  const canMount =
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    (() => {
      const probe = join(tempDir(), 'mnt');
      mkdirSync(probe);
      const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
      if (ok) spawnSync('umount', [probe]);
      return ok;
    })();

  it.runIf(canMount)(
    'a real full disk (64 KiB tmpfs): ENOSPC is an ArtifactError, the old file stays',
    () => {
      const mnt = join(tempDir(), 'mnt');
      mkdirSync(mnt);
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status).toBe(0);
      try {
        const f = join(mnt, 'labels.csv');
        writeFileAtomic(f, 'old');
        const e = failure(() => writeFileAtomic(f, Buffer.alloc(256 * 1024, 1)));
        expect(e).toBeInstanceOf(ArtifactError);
        expect(e.issues[0].message).toBe('no space left on device (ENOSPC)');
        expect(readFileSync(f, 'utf8')).toBe('old');
        expect(readdirSync(mnt)).toEqual(['labels.csv']);
      } finally {
        spawnSync('umount', [mnt]);
        rmdirSync(mnt);
      }
    },
  );
});

describe('stale temp files', () => {
  const deadPid = () => {
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    return Number(r.stdout);
  };

  it('removes only writeFileAtomic temps of dead writers, down to subdirectories, without following links', () => {
    const dir = tempDir();
    const dead = deadPid();
    const live = process.ppid;
    mkdirSync(join(dir, 'plots'));
    const outside = tempDir();
    writeFileSync(join(outside, `.x.json.${dead}.1700000000000.tmp`), '');
    symlinkSync(outside, join(dir, 'linked'));
    const files = {
      [`.teacher_model.json.${dead}.1700000000000.tmp`]: false,
      [`plots/.roc_LONG.json.${dead}.1700000000001.tmp`]: false,
      [`.metadata.json.${live}.1700000000002.tmp`]: true, // its writer is running
      'teacher_model.json': true,
      '.notes.tmp': true, // not our pattern
      [`model.json.${dead}.1.tmp`]: true, // no leading dot: not ours
      '.production.tmp-1-abcd': true, // the registry's, not ours
    };
    for (const f of Object.keys(files)) writeFileSync(join(dir, f), 'x');
    const removed = removeStaleTemps(dir);
    expect(removed.sort()).toEqual(
      Object.entries(files)
        .filter(([, keep]) => !keep)
        .map(([f]) => join(dir, f))
        .sort(),
    );
    for (const [f, keep] of Object.entries(files)) expect(existsSync(join(dir, f)), f).toBe(keep);
    expect(readdirSync(outside)).toHaveLength(1);
  });

  it('with a name, removes only that file’s temps', () => {
    const dir = tempDir();
    const dead = deadPid();
    writeFileSync(join(dir, `.training_pipeline.json.${dead}.1.tmp`), '');
    writeFileSync(join(dir, `.other.json.${dead}.1.tmp`), '');
    expect(removeStaleTemps(dir, { name: 'training_pipeline.json', depth: 0 })).toEqual([
      join(dir, `.training_pipeline.json.${dead}.1.tmp`),
    ]);
    expect(readdirSync(dir)).toEqual([`.other.json.${dead}.1.tmp`]);
  });

  it('prepareOutputDir creates the directory, cleans stale temps and leaves nothing of its probe', () => {
    const dir = join(tempDir(), 'out');
    prepareOutputDir(dir);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, `.a.json.${deadPid()}.5.tmp`), '');
    prepareOutputDir(dir);
    expect(readdirSync(dir)).toEqual([]);
  });
});
