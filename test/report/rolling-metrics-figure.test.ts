import { describe, expect, it } from 'vitest';
import { rollingMetricsFigure } from '../../src/report/index.js';

describe('rollingMetricsFigure', () => {
  const points = [
    { time: '2024-09-01T00:00:00.000Z', precision: 0.8, hit_ratio: 0.7 },
    { time: '2024-09-02T00:00:00.000Z', precision: null, hit_ratio: 0.6 },
    { time: '2024-09-03T00:00:00.000Z', precision: 0.5, hit_ratio: 0.55 },
  ];

  it('plots the rolling metrics, the validation levels across the same span, and markers', () => {
    const fig = rollingMetricsFigure(points, { precision: 0.82, hit_ratio: null }, [
      { time: '2024-09-02T00:00:00.000Z', label: 'alert', kind: 'alert' },
      { time: '2024-09-03T00:00:00.000Z', label: 'rollback → v1', kind: 'rollback' },
    ]);
    expect(fig.data.map((t) => [t.name, t.x, t.y])).toEqual([
      ['rolling precision (LONG)', points.map((p) => p.time), [0.8, null, 0.5]],
      ['rolling hit ratio', points.map((p) => p.time), [0.7, 0.6, 0.55]],
      ['validation precision', ['2024-09-01T00:00:00.000Z', '2024-09-03T00:00:00.000Z'], [0.82, 0.82]],
    ]);
    const shapes = fig.layout.shapes as { x0: string; line: { color: string } }[];
    expect(shapes.map((s) => [s.x0, s.line.color])).toEqual([
      ['2024-09-02T00:00:00.000Z', '#ff7f0e'],
      ['2024-09-03T00:00:00.000Z', '#d62728'],
    ]);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig); // plain JSON: travels over SSE unchanged
  });

  it('has no validation lines without points or levels', () => {
    expect(rollingMetricsFigure([], { precision: 0.8, hit_ratio: 0.7 }).data).toHaveLength(2);
    expect(rollingMetricsFigure(points, null).data).toHaveLength(2);
  });
});
