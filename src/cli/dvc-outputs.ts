import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parse } from 'yaml';

type Entry = string | Record<string, unknown>;

/** Paths DVC tracks as stage outputs (outs, metrics, plots of every stage) in `file`; [] without one. */
export function dvcOutputs(file = 'dvc.yaml'): string[] {
  if (!existsSync(file)) return [];
  const doc = parse(readFileSync(file, 'utf8')) as { stages?: Record<string, Record<string, Entry[]>> };
  const out: string[] = [];
  for (const stage of Object.values(doc?.stages ?? {})) {
    for (const key of ['outs', 'metrics', 'plots'] as const) {
      for (const e of stage[key] ?? []) out.push(typeof e === 'string' ? e : Object.keys(e)[0]);
    }
  }
  return out;
}

/** The DVC output that `dir` is, contains, or lies inside, if any. */
export function dvcOutputAt(dir: string, outputs: readonly string[]): string | undefined {
  const d = resolve(dir);
  return outputs.find((o) => {
    const r = resolve(o);
    return r === d || r.startsWith(d + sep) || d.startsWith(r + sep);
  });
}

/**
 * Default output dir of `train-student`: next to the teacher it reads (`<teacher-dir>/../student`), unless
 * that is a DVC-tracked output (the DVC teacher's neighbour is the DVC student): then
 * `<models>/runs/<config_hash>/student`, like train-teacher's default. A DVC output is written only when
 * it is passed explicitly.
 */
export function defaultStudentDir(
  teacherDir: string,
  configHash: string,
  outputs: readonly string[] = dvcOutputs(),
  models = 'data/models',
): string {
  const beside = join(teacherDir, '..', 'student');
  return dvcOutputAt(beside, outputs) === undefined ? beside : join(models, 'runs', configHash, 'student');
}
