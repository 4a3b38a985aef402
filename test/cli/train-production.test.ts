import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCleanFailure, runCli } from './cli-process.js';
import { fixturePipeline } from './fixture-pipeline.js';

const result = (cwd: string, f: string) => JSON.parse(readFileSync(join(cwd, f), 'utf8'));

describe('train-production exit codes and --output-json', () => {
  const cwd = fixturePipeline([], 'sq-prod-');

  it('exits 2 when the student misses --min-accuracy or its checklist rejects it, recording why', () => {
    const r = runCli(['train-production', '--output-json', 'r1.json'], { cwd });
    expect(r.status, r.stderr.slice(-1500)).toBe(2);
    const j = result(cwd, 'r1.json');
    expect(j).toMatchObject({
      status: 'validation_failed',
      exit_code: 2,
      min_accuracy: 0.6,
      version: null,
      forced: false,
    });
    expect(j.reasons.length).toBeGreaterThan(0);
    expect(j.accuracy).toBeGreaterThan(0);
  });

  it('with --force promotes anyway (recorded as forced), --dry-run leaves production alone', () => {
    const dry = runCli(
      ['train-production', '--force', '--min-accuracy', '0.05', '--dry-run', '--output-json', 'r2.json'],
      { cwd },
    );
    expect(dry.status, dry.stderr.slice(-1500)).toBe(0);
    expect(result(cwd, 'r2.json')).toMatchObject({ status: 'dry_run', dry_run: true });
    expect(runCli(['registry', 'status'], { cwd }).stdout).toContain('production: none');
    const real = runCli(
      ['train-production', '--force', '--min-accuracy', '0.05', '--output-json', 'r3.json'],
      { cwd },
    );
    expect(real.status, real.stderr.slice(-1500)).toBe(0);
    const j = result(cwd, 'r3.json');
    expect(j.status).toBe('promoted');
    expect(runCli(['registry', 'status'], { cwd }).stdout).toContain(`production: ${j.version}`);
  });

  it('exits 3 on a configuration error and 1 when training fails, writing the JSON either way', () => {
    expectCleanFailure(
      runCli(['train-production', '--min-accuracy', '7', '--output-json', 'r4.json'], { cwd }),
      3,
      '--min-accuracy',
    );
    expect(result(cwd, 'r4.json')).toMatchObject({ status: 'config_error', exit_code: 3 });
    expectCleanFailure(runCli(['train-production', '--model-type', 'forest'], { cwd }), 3, '--model-type');
    // A CSV with a malformed row: the data cannot be read, so training fails (exit 1).
    writeFileSync(
      join(cwd, 'BAD.csv'),
      'ts,open,high,low,close,volume\n2023-01-02,1,2,0.5,1.5,100\n2023-01-03,1,x,0.5,1.5,100\n',
    );
    writeFileSync(
      join(cwd, 'csv.yaml'),
      'data:\n  source: csv\n  csv_paths: [BAD.csv]\n  start: "2023-01-01"\n  end: "2023-12-31"\n',
    );
    const bad = runCli(['train-production', '--params', 'csv.yaml', '--output-json', 'r5.json'], { cwd });
    expectCleanFailure(bad, 1);
    expect(result(cwd, 'r5.json')).toMatchObject({ status: 'training_failed', exit_code: 1 });
  });
});

describe('the weekly retraining workflow', () => {
  it('runs weekly, calls train-production only with flags it has, and uploads the checklist', async () => {
    const { parse } = await import('yaml');
    const { PRODUCTION_FLAGS } = await import('../../src/cli/commands/production-flags.js');
    const wf = parse(readFileSync('.github/workflows/train-model.yml', 'utf8'));
    expect(wf.on.schedule[0].cron).toBe('0 2 * * 0');
    const steps = wf.jobs.retrain.steps as {
      run?: string;
      env?: Record<string, string>;
      with?: Record<string, string>;
    }[];
    const train = steps.find((s) => s.run?.includes('train-production'));
    const text = `${train?.run} ${Object.values(train?.env ?? {}).join(' ')}`;
    const used = [...text.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(3);
    expect(used.filter((f) => !(f in PRODUCTION_FLAGS))).toEqual([]);
    const upload = steps.find((s) => s.with?.path?.includes('promotion_checklist.md'));
    expect(upload).toBeDefined();
  });
});
