import { describe, expect, it } from 'vitest';
import {
  emptyDecision,
  memorySink,
  SOURCE_BASELINE,
  SOURCE_STUDENT,
  TELEMETRY_FIELDS,
  TelemetryWriter,
} from '../../src/live/index.js';
import { LONG, SHORT } from '../../src/labels/index.js';

describe('TelemetryWriter', () => {
  it('writes one JSON line per decision with the reference fields, in order', () => {
    const sink = memorySink();
    const w = new TelemetryWriter(sink, ['RELIANCE', 'M&M']);
    w.setModel('20250112_143000');
    w.setThreshold(0.6);
    const d = emptyDecision();
    Object.assign(d, {
      symbol: 1,
      ts: Date.UTC(2024, 5, 7, 3, 45),
      direction: 1,
      strength: 1,
      studentClass: LONG,
      confidence: 0.7312345,
      factor: 1.2,
      target: 1,
      source: SOURCE_STUDENT,
      latencyUs: 1.23456,
    });
    w.write(d);
    w.setModel(null);
    Object.assign(d, { symbol: 0, direction: -1, strength: 0.25, studentClass: -1, confidence: Number.NaN });
    Object.assign(d, { factor: Number.NaN, target: -0.25, source: SOURCE_BASELINE, latencyUs: 0.5 });
    w.write(d);
    w.close();
    const lines = sink.text().split('\n');
    expect(lines.pop()).toBe('');
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(Object.keys(a)).toEqual([...TELEMETRY_FIELDS]);
    expect(a).toEqual({
      time: '2024-06-07T03:45:00.000Z',
      symbol: 'M&M',
      signal: 1,
      signal_strength: 1,
      student_model_version: '20250112_143000',
      student_prediction: 'LONG',
      student_confidence: 0.7312,
      confidence_threshold: 0.6,
      prediction_source: 'student_model',
      adjustment: 1.2,
      target: 1,
      latency_us: 1.23,
    });
    expect(b).toMatchObject({
      symbol: 'RELIANCE',
      signal: -1,
      student_model_version: null,
      student_prediction: null,
      student_confidence: null,
      prediction_source: 'baseline_strategy',
      adjustment: null,
      target: -0.25,
    });
    expect(w.lines).toBe(2);
  });

  it('buffers: nothing reaches the sink until a chunk fills or flush/close; the bytes are the same', () => {
    const chunks: number[] = [];
    const all: Buffer[] = [];
    const sink = {
      write: (b: Buffer, n: number) => {
        chunks.push(n);
        all.push(Buffer.from(b.subarray(0, n)));
      },
      close: () => {},
    };
    const small = new TelemetryWriter(sink, ['TCS'], 8192);
    const big = memorySink();
    const w2 = new TelemetryWriter(big, ['TCS']);
    const d = emptyDecision();
    for (let i = 0; i < 200; i++) {
      Object.assign(d, {
        symbol: 0,
        ts: i * 300_000,
        studentClass: i % 3 === 0 ? SHORT : LONG,
        confidence: i / 200,
      });
      small.write(d);
      w2.write(d);
    }
    expect(chunks.length).toBeGreaterThan(0); // 200 lines of ~270 bytes do not fit in 8 KiB
    expect(chunks.every((n) => n <= 8192)).toBe(true);
    const before = chunks.length;
    small.flush();
    expect(chunks.length).toBe(before + 1);
    w2.close();
    expect(Buffer.concat(all).toString()).toBe(big.text());
    expect(big.text().split('\n').length).toBe(201);
  });
});
