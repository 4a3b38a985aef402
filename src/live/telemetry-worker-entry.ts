import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ArtifactError } from '../core/index.js';

// How TelemetryThread starts its thread and reports what went wrong on it.

/**
 * The thread's entry: the compiled module next to this one, or — when running from the TypeScript
 * sources (the tests) — a loader importing the .ts file through tsx, the dev dependency that runs them.
 */
export function telemetryWorkerEntry(): URL {
  const js = new URL('./telemetry-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return js;
  const ts = JSON.stringify(new URL('./telemetry-worker.ts', import.meta.url).href);
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = JSON.stringify(pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href);
  const source = `const { tsImport } = await import(${api}); await tsImport(${ts}, ${ts});`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

/** The error the thread reported (its fields survive the port; the stack of a write error adds nothing). */
export function reviveError(e: Record<string, unknown>): Error {
  const err = new Error(String(e.message)) as NodeJS.ErrnoException;
  for (const k of ['name', 'code', 'errno', 'syscall', 'path'] as const) {
    if (e[k] !== undefined) Object.assign(err, { [k]: e[k] });
  }
  return err;
}

/** The error of a thread that stopped, stalled or never started (no error of its own to show). */
export function threadFailed(message: string): ArtifactError {
  return new ArtifactError('telemetry could not be written', [
    { path: 'telemetry', message, fix: 'check the engine log for the thread error; rerun the session' },
  ]);
}
