import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type AlertRecord, EngineStateWriter, readEngineState } from '../../src/live/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const alert = (n: number): AlertRecord => ({
  type: 'student_model_degradation',
  time: `2024-01-0${n}T09:35:00.000Z`,
  model_version: 'v2',
  message: `précision ${n}`,
});
const point = (n: number) => ({
  time: `2024-01-0${n}T09:35:00.000Z`,
  precision: n / 10,
  hit_ratio: null,
  precision_samples: n,
  hit_samples: 0,
  model_version: 'v2',
});

describe('EngineStateWriter appends', () => {
  it('puts each alert and metric line in its file at once; a session empties the metrics, keeps the alerts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sq-state-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'alerts.jsonl'), `${JSON.stringify(alert(1))}\n`); // a previous session's
    const w = new EngineStateWriter(dir);
    w.startSession();
    w.appendAlert(alert(2));
    w.appendMetrics(point(2));
    // Read back before any close: the lines are in the files already (the dashboard reads them live).
    expect(readEngineState(dir).alerts).toEqual([alert(1), alert(2)]);
    expect(readEngineState(dir).metrics).toEqual([point(2)]);
    w.close();
    w.appendAlert(alert(3)); // after close, the next line opens the file again
    w.close();
    expect(readFileSync(join(dir, 'alerts.jsonl'), 'utf8').split('\n')).toEqual([
      JSON.stringify(alert(1)),
      JSON.stringify(alert(2)),
      JSON.stringify(alert(3)),
      '',
    ]);
    const w2 = new EngineStateWriter(dir);
    w2.startSession();
    w2.appendMetrics(point(4));
    w2.close();
    expect(readEngineState(dir).metrics).toEqual([point(4)]);
    expect(readEngineState(dir).alerts).toHaveLength(3);
  });
});
