import { type LoadedParams, loadParams } from '../config/index.js';

/** What every stage main() needs: validated params, their hash and the repo root. */
export interface StageContext extends LoadedParams {
  root: string;
}

/** Loads params.yaml (or `file`) with optional overrides into a stage context. */
export function stageContext(file = 'params.yaml', overrides?: unknown): StageContext {
  return { ...loadParams(file, overrides), root: process.cwd() };
}
