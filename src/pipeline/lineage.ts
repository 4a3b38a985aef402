import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { logger } from '../core/index.js';
import { writeJsonAtomic } from './atomic-write.js';
import { READ_LIMITS, readJsonBounded } from './bounded-read.js';
import { removeStaleTemps } from './temp-files.js';
import { gitCommit, toolVersions } from './versions.js';

/** One stage run in training_pipeline.json. */
export interface StageRecord {
  stage: string;
  start: string;
  end: string;
  status: 'completed' | 'failed';
  artifacts: string[];
  config_hash: string;
  /** The commit the stage ran at (null outside git): kept here, never in DVC-tracked artifacts. */
  git_commit?: string | null;
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
 * record per stage under `stages`, every record in `history`). It is the run log: wall-clock times, the
 * git commit and the machine's tool versions (Node.js, dvc) live here, not in DVC outputs, so it is not a
 * DVC output itself.
 */
export function appendStageRecord(file: string, record: StageRecord, links?: Record<string, unknown>): void {
  // A run killed while writing the log left its temp file beside it: only the log's own temps go.
  removeStaleTemps(dirname(file), { depth: 0, name: basename(file) });
  let log: PipelineLog | undefined;
  if (existsSync(file)) {
    try {
      log = readJsonBounded(file, { maxBytes: READ_LIMITS.runLog, what: 'run log' }) as PipelineLog;
      if (
        log === null ||
        typeof log !== 'object' ||
        typeof log.stages !== 'object' ||
        !Array.isArray(log.history)
      )
        log = undefined;
    } catch (e) {
      // A corrupt, oversized or unreadable run log is replaced, never fatal for the stage.
      logger.warn('run log unreadable: starting a new one', { file, error: String(e).split('\n')[0] });
      log = undefined;
    }
  }
  const commit = gitCommit();
  const full: StageRecord = { ...record, git_commit: commit };
  log ??= {
    pipeline_version: '1.0',
    config_hash: record.config_hash,
    git_commit: commit,
    dependencies: toolVersions(),
    stages: {},
    history: [],
  };
  log.config_hash = record.config_hash;
  log.git_commit = commit;
  log.dependencies = toolVersions();
  log.stages[record.stage] = full;
  log.history.push(full);
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
    try {
      appendStageRecord(file, {
        stage: meta.stage,
        start,
        end: new Date().toISOString(),
        status: 'failed',
        artifacts: meta.artifacts,
        config_hash: meta.configHash,
        error: err instanceof Error ? err.message.split('\n')[0] : String(err),
      });
    } catch (logErr) {
      // The stage's own error is what the user must see (often the same unwritable directory).
      logger.warn('could not record the failed stage in the run log', {
        file,
        error: String(logErr).split('\n')[0],
      });
    }
    throw err;
  }
}
