import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/core/index.js';
import { readRawBars } from '../../src/data/index.js';
import { readFeatureDir } from '../../src/features/index.js';
import { featuresMain, ingestMain } from '../../src/stages/index.js';
import { readJson, smallContext, tempDir } from '../integration/helpers.js';

describe('stage artifacts on disk', () => {
  const ctx = smallContext({
    data: { symbols: ['TCS', 'INFY', 'ITC'], start: '2023-01-01', end: '2023-12-31' },
  });
  const root = tempDir();
  const raw = join(root, 'raw');
  const feats = join(root, 'features');
  beforeAll(async () => {
    await ingestMain(ctx, { outDir: raw });
    await featuresMain(ctx, { rawDir: raw, outDir: feats });
  });

  it('round-trips bars and features exactly', () => {
    const bars = readRawBars(raw, 'Asia/Kolkata');
    expect(bars.map((b) => b.symbol)).toEqual(['INFY', 'ITC', 'TCS']);
    const tables = readFeatureDir(feats);
    expect(tables.map((t) => t.symbol)).toEqual(['INFY', 'ITC', 'TCS']);
    expect(tables[0].ts).toEqual(bars[0].ts);
    expect(tables[0].firstValid).toBe(readJson(join(feats, 'features_report.json')).symbols.INFY.warmup_rows);
  });

  it('writes provenance with the config hash and the sha256 of every output', () => {
    const meta = readJson(join(raw, 'metadata.json'));
    expect(meta).toMatchObject({ stage: 'ingest', config_hash: ctx.configHash });
    expect(Object.keys(meta.outputs).some((k) => k.endsWith('TCS.csv'))).toBe(true);
    // Pinned by the lockfile only: nothing machine- or commit-dependent in a DVC output.
    expect(Object.keys(meta.versions).sort()).toEqual(['tfjs', 'typescript']);
    expect(meta).not.toHaveProperty('git_commit');
  });

  it('a half-written raw or features directory is an error naming the missing file', () => {
    rmSync(join(raw, 'ITC.csv'));
    expect(() => readRawBars(raw, 'Asia/Kolkata')).toThrow(DataValidationError);
    expect(() => readRawBars(raw, 'Asia/Kolkata')).toThrow(/ITC\.csv/);
    rmSync(join(feats, 'TCS.csv'));
    expect(() => readFeatureDir(feats)).toThrow(/TCS\.csv/);
    writeFileSync(
      join(feats, 'features_report.json'),
      readFileSync(join(feats, 'features_report.json'), 'utf8').slice(0, 10),
    );
    expect(() => readFeatureDir(feats)).toThrow(/no features/);
  });
});
