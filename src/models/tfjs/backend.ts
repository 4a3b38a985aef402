/**
 * TensorFlow.js backend selection: native GPU, native CPU, WebAssembly, then plain JS.
 *
 * TF.js prints a "Hi, looks like you are running TensorFlow.js in Node.js ... install tfjs-node" banner
 * through console.warn the first time the plain-JS 'cpu' backend stores a tensor. We do not turn on the
 * global 'PROD' flag (it would silence every genuine TF.js warning for the whole process) nor fake
 * 'IS_NODE' (it changes platform behaviour). Instead console.warn is wrapped only while a backend is
 * initialised and warmed up with one tiny tensor, so the banner fires inside the wrapper: it is logged at
 * debug level and any other TF.js warning raised there is forwarded to logger.warn.
 */
import { dirname, join, sep } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { ConfigError, logger } from '../../core/index.js';
import { settings } from '../../config/index.js';

/** One backend candidate and whether it could be used. */
export interface BackendAttempt {
  name: string;
  ok: boolean;
  error?: string;
}

/** Outcome of backend selection. */
export interface BackendInfo {
  backend: string;
  tried: BackendAttempt[];
}

/** Candidate names accepted by SENSEQUANT_TF_BACKEND, in default preference order. */
export const TF_BACKEND_CANDIDATES = ['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'] as const;
export type TfBackendCandidate = (typeof TF_BACKEND_CANDIDATES)[number];

const ALIASES: Record<string, TfBackendCandidate> = { tensorflow: 'tfjs-node', gpu: 'tfjs-node-gpu' };

let selected: Promise<BackendInfo> | null = null;
let selectedSync: BackendInfo | null = null;

/** Routes console.warn to the logger until the returned restore function is called. */
function routeConsoleWarn(): () => void {
  const target = globalThis.console;
  const original = target.warn;
  target.warn = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    if (message.includes('tfjs-node')) logger.debug('tfjs: suppressed "install tfjs-node" banner');
    else logger.warn('tfjs warning', { message: message.slice(0, 500) });
  };
  return () => {
    target.warn = original;
  };
}

async function withTfWarningsRouted<T>(fn: () => Promise<T>): Promise<T> {
  const restore = routeConsoleWarn();
  try {
    return await fn();
  } finally {
    restore();
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

async function tryNative(pkg: string): Promise<void> {
  await import(pkg);
  // The danfojs override installs plain @tensorflow/tfjs under the tfjs-node name: importing it succeeds
  // but registers no native backend, so require the 'tensorflow' backend factory to exist.
  if (!tf.findBackendFactory('tensorflow'))
    throw new Error(`${pkg} is not the native package (no 'tensorflow' backend)`);
  if (!(await tf.setBackend('tensorflow'))) throw new Error('tensorflow backend failed to initialise');
}

async function tryWasm(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // Resolve the .wasm binaries next to the installed package, so this works from src/ (vitest) and dist/.
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  wasm.setWasmPaths(join(pkgDir, 'dist') + sep);
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend failed to initialise');
}

async function tryCandidate(name: TfBackendCandidate): Promise<void> {
  if (name === 'tfjs-node-gpu') return tryNative('@tensorflow/tfjs-node-gpu');
  if (name === 'tfjs-node') return tryNative('@tensorflow/tfjs-node');
  if (name === 'wasm') return tryWasm();
  if (!(await tf.setBackend('cpu'))) throw new Error('cpu backend failed to initialise');
}

function requestedCandidates(): TfBackendCandidate[] {
  const raw = settings().tfBackend;
  if (!raw) return [...TF_BACKEND_CANDIDATES];
  const name = ALIASES[raw] ?? raw;
  if (!(TF_BACKEND_CANDIDATES as readonly string[]).includes(name)) {
    throw new ConfigError('invalid TensorFlow.js backend override', [
      {
        path: 'SENSEQUANT_TF_BACKEND',
        message: 'unknown backend',
        value: raw,
        fix: TF_BACKEND_CANDIDATES.join(' | '),
      },
    ]);
  }
  return [name as TfBackendCandidate];
}

async function select(): Promise<BackendInfo> {
  const candidates = requestedCandidates();
  const tried: BackendAttempt[] = [];
  return withTfWarningsRouted(async () => {
    for (const name of candidates) {
      try {
        await tryCandidate(name);
        // Warm-up write: on 'cpu' this is where the install-tfjs-node banner fires (inside the wrapper).
        tf.tidy(() => tf.scalar(1).add(1).dataSync());
        tried.push({ name, ok: true });
        const info = { backend: tf.getBackend(), tried };
        logger.info('tfjs backend selected', { backend: info.backend, tried: tried.map((t) => t.name) });
        return info;
      } catch (err) {
        tried.push({ name, ok: false, error: errorText(err) });
      }
    }
    throw new ConfigError('no TensorFlow.js backend could be initialised', [
      ...tried.map((t) => ({ path: `tfjs.${t.name}`, message: t.error ?? 'failed' })),
    ]);
  });
}

/** Selects the fastest available TF.js backend once per process (override: SENSEQUANT_TF_BACKEND). */
export function initTfBackend(): Promise<BackendInfo> {
  if (!selected) {
    selected = select().then(
      (info) => {
        selectedSync = info;
        return info;
      },
      (err: unknown) => {
        selected = null;
        throw err;
      },
    );
  }
  return selected;
}

/**
 * Makes sure some backend is active before synchronous inference; if initTfBackend() was never awaited
 * it falls back to 'cpu' (whose initialisation is synchronous) instead of letting TF.js auto-pick.
 */
export function ensureTfBackendSync(): string {
  if (selectedSync) return selectedSync.backend;
  if (selected === null) {
    logger.warn('tfjs backend not initialised; using cpu (await initTfBackend() for a faster backend)');
    const restore = routeConsoleWarn();
    try {
      // The cpu backend initialises synchronously, so it is active when setBackend's promise is created.
      void tf.setBackend('cpu');
      tf.tidy(() => tf.scalar(1).add(1).dataSync());
    } finally {
      restore();
    }
    selectedSync = { backend: tf.getBackend(), tried: [{ name: 'cpu', ok: true }] };
    selected = Promise.resolve(selectedSync);
    return selectedSync.backend;
  }
  // initTfBackend() is in flight: whatever backend is active now is consistent for this call.
  return tf.getBackend();
}

/** Forgets the selection so the next initTfBackend() selects again (tests of the override only). */
export function resetTfBackendSelection(): void {
  selected = null;
  selectedSync = null;
}
