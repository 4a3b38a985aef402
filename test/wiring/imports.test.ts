import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, staticCycles, topFolder } from './import-graph.js';

const graph = importGraph(['src', 'bench']);
/** The modules dvc.yaml runs as stages (one file per stage). */
const STAGE_FILES = ['ingest', 'features', 'teacher', 'student', 'validate'].map((s) => `src/stages/${s}.ts`);
/** Entry points that may import a module directly: the CLI entry and the stage runner are not barrels' business. */
const ENTRY_POINTS = new Set(['src/cli/main.ts']);

describe('import structure', () => {
  it('has no circular static imports', () => {
    expect(staticCycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('crosses folders only through barrels (index.ts)', () => {
    const bad: string[] = [];
    for (const [from, edges] of graph) {
      for (const e of edges) {
        if (topFolder(from) === topFolder(e.to) || ENTRY_POINTS.has(e.to)) continue;
        if (basename(e.to) !== 'index.ts') bad.push(`${from} → ${e.to}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no stage imports another stage', () => {
    const bad: string[] = [];
    for (const s of STAGE_FILES) {
      for (const e of graph.get(s) ?? []) if (STAGE_FILES.includes(e.to)) bad.push(`${s} → ${e.to}`);
    }
    expect(STAGE_FILES.every((s) => graph.has(s))).toBe(true);
    expect(bad).toEqual([]);
  });

  it('the CLI and the benchmarks reach stages only through the stages barrel', () => {
    const bad: string[] = [];
    for (const [from, edges] of graph) {
      if (topFolder(from) === 'src/stages') continue;
      for (const e of edges)
        if (topFolder(e.to) === 'src/stages' && !e.to.endsWith('/index.ts')) bad.push(`${from} → ${e.to}`);
    }
    expect(bad).toEqual([]);
  });

  it('the import-graph reader sees every kind of import (self-check on a known file)', () => {
    const edges = graph.get('src/stages/index.ts') ?? [];
    expect(edges.some((e) => e.kind === 'type' && e.to === 'src/stages/teacher.ts')).toBe(true);
    expect(edges.some((e) => e.kind === 'dynamic' && e.to === 'src/stages/teacher.ts')).toBe(true);
    expect(edges.some((e) => e.kind === 'static' && e.to === 'src/stages/stage-table.ts')).toBe(true);
  });
});
