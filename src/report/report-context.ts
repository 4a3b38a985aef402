import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadParams, type Params, settings } from '../config/index.js';
import { ConfigError } from '../core/index.js';
import { PATHS } from '../pipeline/index.js';

/** Where notebooks and reports read from: the project, its params and its artifact directories. */
export interface ReportContext {
  root: string;
  params: Params;
  configHash: string;
  /** The DVC layout (src/pipeline/artifact-layout.ts) resolved under `root`. */
  paths: {
    params: string;
    raw: string;
    features: string;
    teacher: string;
    student: string;
    validation: string;
    reports: string;
  };
}

/** The nearest directory at or above `from` holding a params.yaml, or null. */
export function findProjectRoot(from: string): string | null {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, PATHS.params))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * Params and artifact paths for a notebook or report: `root` if given, else SENSEQUANT_PROJECT_DIR (the
 * report stage sets it), else the nearest directory above the working directory with a params.yaml (a
 * notebook opened from notebooks/ finds the repository).
 * @example const ctx = reportContext(); readTeacherDir(ctx.paths.teacher)
 */
export function reportContext(opts: { root?: string } = {}): ReportContext {
  const root = opts.root ?? settings().projectDir ?? findProjectRoot(process.cwd());
  if (root === null) {
    throw new ConfigError('no project directory', [
      {
        path: 'SENSEQUANT_PROJECT_DIR',
        message: `no params.yaml in ${process.cwd()} or above`,
        fix: 'open the notebook inside the project, or set SENSEQUANT_PROJECT_DIR',
      },
    ]);
  }
  const at = (p: string) => join(resolve(root), p);
  const loaded = loadParams(at(PATHS.params));
  return {
    root: resolve(root),
    params: loaded.params,
    configHash: loaded.configHash,
    paths: {
      params: at(PATHS.params),
      raw: at(PATHS.raw),
      features: at(PATHS.features),
      teacher: at(PATHS.teacher),
      student: at(PATHS.student),
      validation: at(PATHS.validation),
      reports: at(PATHS.reports),
    },
  };
}
