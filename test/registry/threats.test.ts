import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryError } from '../../src/core/index.js';
import {
  acquireRegistryLock,
  breakStaleLock,
  promote,
  registryStatus,
  rollback,
  setRegistryCrashHook,
  verifyVersionDir,
} from '../../src/registry/index.js';
import { auditLines, makeCandidate, tempDir, writeStaleLock } from './fixtures.js';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');

afterEach(() => setRegistryCrashHook(undefined));

function registryWithTwo(): { root: string; work: string } {
  const work = tempDir();
  const root = join(work, 'models');
  promote(makeCandidate(work, 'a'), { root, version: 'v1' });
  promote(makeCandidate(work, 'b', { seed: 2 }), { root, version: 'v2' });
  return { root, work };
}

/** Appends a manifest line (the attacker also rewrites the manifest). */
function addManifestLine(dir: string, path: string): void {
  const m = join(dir, 'MANIFEST.sha256');
  writeFileSync(m, `${readFileSync(m, 'utf8')}${'0'.repeat(64)}  ${path}\n`);
}

describe('manifest entries are plain names inside their version folder', () => {
  for (const bad of [
    '../dev/zero',
    '../../../../params.yaml',
    '/etc/passwd',
    'a/b/c.json',
    'plots/../../x',
  ]) {
    it(`refuses "${bad}" before reading anything`, () => {
      const { root } = registryWithTwo();
      addManifestLine(join(root, 'archive', 'v1'), bad);
      const v = verifyVersionDir(join(root, 'archive', 'v1'));
      expect(v.verified).toBe(false);
      expect(v.problems[0]).toMatch(/refuses entry/);
    });
  }

  it('a manifest entry that is a symlink to /dev/zero is refused without reading it (bounded, no hang)', () => {
    const { root } = registryWithTwo();
    const dir = join(root, 'archive', 'v1');
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    addManifestLine(dir, 'zero.json');
    const v = verifyVersionDir(dir);
    expect(v.verified).toBe(false);
    expect(v.problems.join('\n')).toMatch(/zero\.json: .*symbolic link/);
  });

  it('a FIFO listed in the manifest is refused, never opened for a blocking read', () => {
    const { root } = registryWithTwo();
    const dir = join(root, 'archive', 'v1');
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    addManifestLine(dir, 'pipe.json');
    const v = verifyVersionDir(dir);
    expect(v.problems.join('\n')).toMatch(/pipe\.json: .*FIFO/);
  });

  it('registry status reports a corrupt archive and exits 1 through the CLI', () => {
    const { root } = registryWithTwo();
    addManifestLine(join(root, 'archive', 'v2'), '../../../../params.yaml');
    const r = spawnSync(process.execPath, [CLI, 'registry', 'status', '--root', root], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/NOT VERIFIED/);
  });
});

describe('HMAC-signed manifests (SENSEQUANT_REGISTRY_HMAC_KEY)', () => {
  const saved = process.env.SENSEQUANT_REGISTRY_HMAC_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.SENSEQUANT_REGISTRY_HMAC_KEY;
    else process.env.SENSEQUANT_REGISTRY_HMAC_KEY = saved;
  });

  it('catches an attacker who rewrites a file, the manifest and every hash, but not the signature', () => {
    process.env.SENSEQUANT_REGISTRY_HMAC_KEY = 'a-long-enough-secret-key';
    const { root } = registryWithTwo();
    const dir = join(root, 'archive', 'v1');
    expect(verifyVersionDir(dir).verified).toBe(true);
    expect(existsSync(join(dir, 'MANIFEST.sha256.sig'))).toBe(true);
    // Rewrite evaluation_metrics.json and recompute its manifest line consistently.
    const text = '{"auc":0.99}';
    writeFileSync(join(dir, 'evaluation_metrics.json'), text);
    const m = join(dir, 'MANIFEST.sha256');
    writeFileSync(
      m,
      readFileSync(m, 'utf8').replace(
        /^[0-9a-f]{64} {2}evaluation_metrics\.json$/m,
        `${sha(text)}  evaluation_metrics.json`,
      ),
    );
    const v = verifyVersionDir(dir);
    expect(v.verified).toBe(false);
    expect(v.problems).toEqual([expect.stringMatching(/MANIFEST\.sha256\.sig: does not match/)]);
    // Without the key the same tampering is invisible to checksums alone: that is what the key adds.
    delete process.env.SENSEQUANT_REGISTRY_HMAC_KEY;
    expect(verifyVersionDir(dir).verified).toBe(true);
  });

  it('with a key set, an unsigned version is not verified', () => {
    const { root } = registryWithTwo();
    process.env.SENSEQUANT_REGISTRY_HMAC_KEY = 'a-long-enough-secret-key';
    expect(verifyVersionDir(join(root, 'archive', 'v1')).problems).toEqual([
      expect.stringMatching(/MANIFEST\.sha256\.sig: missing/),
    ]);
  });
});

describe('registry unlock never removes a lock it did not inspect', () => {
  it('a second unlock racing the first is refused while the first holds the unlock mutex', () => {
    const { root, work } = registryWithTwo();
    writeStaleLock(root);
    let inner: unknown = null;
    setRegistryCrashHook((step) => {
      if (step !== 'unlock-inspected') return;
      // Injected delay point: another unlocker and a promote try to run in between.
      try {
        breakStaleLock(root);
      } catch (err) {
        inner = err;
      }
      expect(() => acquireRegistryLock(root, 'promote racing')).toThrow(/stale/);
    });
    expect(breakStaleLock(root).removed).toBe(true);
    setRegistryCrashHook(undefined);
    expect(inner).toBeInstanceOf(RegistryError);
    expect(String(inner)).toMatch(/another `registry unlock` is in progress/);
    // Now a promote holds the lock: an unlock must refuse to touch it.
    const held = acquireRegistryLock(root, 'promote live');
    expect(() => breakStaleLock(root)).toThrow(/live process/);
    held.release();
    expect(promote(makeCandidate(work, 'c', { seed: 3 }), { root, version: 'v3' }).to).toBe('v3');
  });

  it('a lock replaced between inspection and removal is left alone', () => {
    const { root } = registryWithTwo();
    writeStaleLock(root);
    setRegistryCrashHook((step) => {
      if (step !== 'unlock-inspected') return;
      // Simulates a lock file rewritten meanwhile (e.g. by a process that broke the lock by hand).
      writeFileSync(
        join(root, '.registry.lock'),
        JSON.stringify({ pid: process.pid, host: 'x', time: 't', action: 'a', token: 'new' }),
      );
    });
    expect(() => breakStaleLock(root)).toThrow(/changed while unlocking/);
    expect(JSON.parse(readFileSync(join(root, '.registry.lock'), 'utf8')).token).toBe('new');
  });

  it('a promote whose lock was taken from it does not switch production', () => {
    const { root, work } = registryWithTwo();
    setRegistryCrashHook((step) => {
      if (step !== 'after-verify') return;
      unlinkSync(join(root, '.registry.lock'));
      acquireRegistryLock(root, 'intruder');
    });
    expect(() => promote(makeCandidate(work, 'c', { seed: 3 }), { root, version: 'v3' })).toThrow(
      /taken from this operation/,
    );
    expect(registryStatus(root).production?.version).toBe('v2');
  });

  it('a lock from another host is held until the operator says --other-host', () => {
    const { root } = registryWithTwo();
    writeFileSync(
      join(root, '.registry.lock'),
      JSON.stringify({ pid: 1, host: 'build-container-7', time: 't', action: 'promote x', token: 'far' }),
    );
    const st = registryStatus(root).lock;
    expect(st).toMatchObject({ state: 'held', foreign: true });
    expect(st.state === 'held' && st.fix).toMatch(/--other-host/);
    expect(() => breakStaleLock(root)).toThrow(/another host/);
    expect(breakStaleLock(root, { otherHost: true }).removed).toBe(true);
    expect(auditLines(root).at(-1)).toMatchObject({ action: 'unlock', forced: true });
  });
});

describe('failures during promote', () => {
  it('ENOSPC while staging releases the lock, says so, and leaves production untouched', () => {
    const { root, work } = registryWithTwo();
    setRegistryCrashHook((step) => {
      if (step === 'after-staging') {
        const e = new Error('ENOSPC: no space left on device, write') as NodeJS.ErrnoException;
        e.code = 'ENOSPC';
        e.syscall = 'write';
        throw e;
      }
    });
    expect(() => promote(makeCandidate(work, 'c', { seed: 3 }), { root, version: 'v3' })).toThrow(
      /ENOSPC; production untouched, lock released/,
    );
    setRegistryCrashHook(undefined);
    const st = registryStatus(root);
    expect(st.lock.state).toBe('free');
    expect(st.production?.version).toBe('v2');
    expect(st.leftovers.some((l) => l.includes('.staging-'))).toBe(true);
    promote(makeCandidate(work, 'd', { seed: 4 }), { root, version: 'v4' });
    expect(registryStatus(root).leftovers).toEqual([]);
  });
});

describe('a broken production pointer', () => {
  it('dangling: status exits 1 with a rollback command that works, and recovery writes no false audit entry', () => {
    const { root } = registryWithTwo();
    unlinkSync(join(root, 'production'));
    symlinkSync('archive/v9', join(root, 'production'));
    const r = spawnSync(process.execPath, [CLI, 'registry', 'status', '--root', root], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const fix = /registry rollback --to (v\d)/.exec(r.stdout);
    expect(fix?.[1]).toBe('v2');
    const before = auditLines(root).length;
    rollback({ root, to: fix?.[1], reason: 'repair' });
    const after = auditLines(root);
    expect(after.slice(before).map((e) => e.action)).toEqual(['rollback']);
    expect(registryStatus(root).production).toMatchObject({ version: 'v2', verified: true });
  });

  it('pointing outside the registry: status exits 1 and the suggested rollback repairs it', () => {
    const { root, work } = registryWithTwo();
    unlinkSync(join(root, 'production'));
    mkdirSync(join(work, 'elsewhere'));
    symlinkSync(join(work, 'elsewhere'), join(root, 'production'));
    const r = spawnSync(process.execPath, [CLI, 'registry', 'status', '--root', root], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/outside the archive.*registry rollback --to v2/);
    const fixed = spawnSync(
      process.execPath,
      [CLI, 'rollback', '--root', root, '--to', 'v2', '--reason', 'repair'],
      {
        encoding: 'utf8',
      },
    );
    expect(fixed.status).toBe(0);
    expect(registryStatus(root).production).toMatchObject({ version: 'v2', verified: true });
  });
});

describe('what the records say', () => {
  it('audit and registry_entry.json name the directory the user gave, the git commit and the user', () => {
    const work = tempDir();
    const root = join(work, 'models');
    const cand = makeCandidate(work, 'student', { withChecklist: false });
    const reports = join(work, 'reports');
    mkdirSync(reports);
    // A DVC-layout candidate: its checklist lives in a reports dir, so the CLI bundles a temporary copy.
    writeFileSync(
      join(reports, 'promotion_checklist.json'),
      readFileSync(join(makeCandidate(tempDir(), 'twin'), 'promotion_checklist.json')),
    );
    const r = spawnSync(
      process.execPath,
      [
        CLI,
        'promote',
        cand,
        '--root',
        root,
        '--checklist',
        join(reports, 'promotion_checklist.json'),
        '--actor',
        'alice',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const entry = auditLines(root).at(-1) as Record<string, unknown>;
    expect(entry).toMatchObject({ action: 'promote', candidate: cand, actor: 'alice' });
    expect(entry.git_commit).toMatch(/^[0-9a-f]{40}$/);
    const version = registryStatus(root).production?.version as string;
    const reg = JSON.parse(readFileSync(join(root, 'archive', version, 'registry_entry.json'), 'utf8'));
    expect(reg).toMatchObject({ source_dir: cand, actor: 'alice', git_commit: entry.git_commit });
    // The temporary bundle is gone.
    expect(readdirSync(root).filter((n) => n.startsWith('.candidate-'))).toEqual([]);
  });

  it('a killed promote leaves its candidate bundle behind only until the next operation', () => {
    const { root, work } = registryWithTwo();
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    mkdirSync(join(root, `.candidate-${dead}-abc123`, 'x'), { recursive: true });
    expect(registryStatus(root).leftovers.join('\n')).toMatch(/\.candidate-/);
    promote(makeCandidate(work, 'c', { seed: 3 }), { root, version: 'v3' });
    expect(existsSync(join(root, `.candidate-${dead}-abc123`))).toBe(false);
    rmSync(work, { recursive: true, force: true });
  });
});
