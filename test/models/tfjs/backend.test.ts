import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/index.js';
import {
  initTfBackend,
  resetTfBackendSelection,
  TF_BACKEND_CANDIDATES,
} from '../../../src/models/tfjs/index.js';

const require = createRequire(import.meta.url);

function installedName(pkg: string): string | null {
  try {
    return JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).name;
  } catch {
    return null;
  }
}

describe('initTfBackend', () => {
  const saved = process.env.SENSEQUANT_TF_BACKEND;
  afterEach(() => {
    if (saved === undefined) delete process.env.SENSEQUANT_TF_BACKEND;
    else process.env.SENSEQUANT_TF_BACKEND = saved;
    resetTfBackendSelection();
  });

  it('tries candidates in order, stops at the first that works, and is idempotent', async () => {
    delete process.env.SENSEQUANT_TF_BACKEND;
    const info = await initTfBackend();
    expect(info.tried.map((t) => t.name)).toEqual(TF_BACKEND_CANDIDATES.slice(0, info.tried.length));
    expect(info.tried.at(-1)?.ok).toBe(true);
    for (const t of info.tried.slice(0, -1)) {
      expect(t.ok).toBe(false);
      expect(t.error).toBeTruthy();
    }
    expect(info.backend).toBe(tf.getBackend());
    expect(await initTfBackend()).toBe(info);
  });

  it('does not mistake the plain-tfjs alias installed as @tensorflow/tfjs-node for the native backend', async () => {
    delete process.env.SENSEQUANT_TF_BACKEND;
    const info = await initTfBackend();
    const alias = installedName('@tensorflow/tfjs-node');
    if (alias !== '@tensorflow/tfjs-node') {
      // Either absent or the danfojs alias: in both cases the native backend must not be reported.
      expect(info.tried.find((t) => t.name === 'tfjs-node')?.ok).toBe(false);
      expect(info.backend).not.toBe('tensorflow');
    }
    if (alias === '@tensorflow/tfjs') {
      expect(info.tried.find((t) => t.name === 'tfjs-node')?.error).toMatch(/not the native package/);
    }
  });

  it('honours SENSEQUANT_TF_BACKEND=cpu without letting the tfjs-node banner reach the console', async () => {
    process.env.SENSEQUANT_TF_BACKEND = 'cpu';
    const info = await initTfBackend();
    expect(info).toEqual({ backend: 'cpu', tried: [{ name: 'cpu', ok: true }] });
    expect(tf.getBackend()).toBe('cpu');
    // test/setup.ts fails this test if anything was written through console.*.
  });

  it('honours SENSEQUANT_TF_BACKEND=wasm', async () => {
    process.env.SENSEQUANT_TF_BACKEND = 'wasm';
    const info = await initTfBackend();
    expect(info.backend).toBe('wasm');
    expect(tf.tidy(() => tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0])).toBe(5);
  });

  it('rejects an unknown override with a ConfigError', async () => {
    process.env.SENSEQUANT_TF_BACKEND = 'quantum';
    await expect(initTfBackend()).rejects.toThrow(ConfigError);
  });
});
