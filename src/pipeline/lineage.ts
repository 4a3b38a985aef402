import { existsSync, readFileSync } from 'node:fs';
import { writeJsonAtomic } from './atomic-write.js';
import { gitCommit, toolVersions } from './versions.js';

/** One stage run in training_pipeline.json. */
export interface StageRecord {
  stage: string;
  start: string;
  end: string;
  status: 'completed' | 'failed';
  artifacts: string[];
  config_hash: string;
  error?: string;
}

interface PipelineLog {
  pipeline_version: string;
  config_hash: string;
  git_commit: string | null;
  dependencies: Record<string, string | null>;
  stages: Record<string, StageRecord>;
  history: StageRecord[];
  links?: Record<string, unknown>;
}

/**
 * Appends a stage record to the run's training_pipeline.json (the reference's structure: latest
 * record per stage under `stages`, every record in `history`). It is a run log with wall-clock times,
 * so it is not a DVC output.
 */
export function appendStageRecord(file: string, record: StageRecord, links?: Record<string, unknown>): void {
  let log: PipelineLog | undefined;
  if (existsSync(file)) {
    try {
      log = JSON.parse(readFileSync(file, 'utf8')) as PipelineLog;
    } catch {
      log = undefined; // a corrupt run log is replaced, never fatal for the stage
    }
  }
  log ??= {
    pipeline_version: '1.0',
    config_hash: record.config_hash,
    git_commit: gitCommit(),
    dependencies: toolVersions(),
    stages: {},
    history: [],
  };
  log.config_hash = record.config_hash;
  log.git_commit = gitCommit();
  log.stages[record.stage] = record;
  log.history.push(record);
  if (links) log.links = { ...log.links, ...links };
  writeJsonAtomic(file, log);
}

/** Runs `fn` as a stage, timing it and appending a completed/failed record to the run log. */
export async function withStageRecord<T>(
  file: string,
  meta: { stage: string; configHash: string; artifacts: string[] },
  fn: () => Promise<T> | T,
): Promise<T> {
  const start = new Date().toISOString();
  try {
    const out = await fn();
    appendStageRecord(file, {
      stage: meta.stage,
      start,
      end: new Date().toISOString(),
      status: 'completed',
      artifacts: meta.artifacts,
      config_hash: meta.configHash,
    });
    return out;
  } catch (err) {
    appendStageRecord(file, {
      stage: meta.stage,
      start,
      end: new Date().toISOString(),
      status: 'failed',
      artifacts: meta.artifacts,
      config_hash: meta.configHash,
      error: err instanceof Error ? err.message.split('\n')[0] : String(err),
    });
    throw err;
  }
}
