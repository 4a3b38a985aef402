import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import {
  emptyDecision,
  memorySink,
  PREDICTION_SOURCES,
  SOURCE_BASELINE,
  SOURCE_STUDENT,
  TELEMETRY_FIELDS,
  TelemetryWriter,
} from '../../src/live/index.js';
import { CLASSES, LONG, SHORT } from '../../src/labels/index.js';

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

describe('TelemetryWriter lines equal JSON.stringify of the decision', () => {
  /** The reference line object: the decision's fields as JSON.stringify writes them (numbers rounded). */
  function reference(
    d: ReturnType<typeof emptyDecision>,
    symbols: string[],
    version: string | null,
    threshold: number,
  ) {
    // The writer's rounding rule: half away from zero of |x|·10^places (exact while that stays < 2^53).
    const fixed = (x: number, places: number) =>
      Number.isFinite(x) ? (Math.sign(x) * Math.round(Math.abs(x) * 10 ** places)) / 10 ** places : x;
    const obj = {
      time: Number.isFinite(d.ts) ? new Date(d.ts).toISOString() : null,
      symbol: symbols[d.symbol],
      signal: d.direction,
      signal_strength: fixed(d.strength, 4),
      student_model_version: version,
      student_prediction: d.studentClass >= 0 ? CLASSES[d.studentClass] : null,
      student_confidence: fixed(d.confidence, 4),
      confidence_threshold: threshold,
      prediction_source: PREDICTION_SOURCES[d.source],
      adjustment: fixed(d.factor, 4),
      target: fixed(d.target, 4),
      latency_us: fixed(d.latencyUs, 2),
    };
    // JSON.stringify writes NaN/±Infinity as null and −0 as 0: parse its text back.
    return JSON.parse(JSON.stringify(obj));
  }

  it('on random decisions with edge numbers, symbols needing escapes, model and threshold changes', () => {
    const rng = createRng('telemetry-json');
    // Escapes, non-ASCII, and 128 control characters (6 bytes each once escaped) in one symbol.
    const symbols = ['RELIANCE', 'M&M', 'A"B\\C', 'Ünïcode 📈', '\u0001'.repeat(128)];
    const edges = [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      0,
      -0,
      1e-12,
      -1e-12,
      0.00004999,
      0.99996,
      -0.99996,
      1,
      -1,
      1.2,
      0.5,
      2147483647.25,
      2147483648.75,
      123456789.123456,
      -98765432109.8765,
    ];
    const draw = () =>
      rng.next() < 0.3 ? edges[rng.int(edges.length)] : (rng.next() - 0.5) * 10 ** rng.int(9);
    const sink = memorySink();
    const w = new TelemetryWriter(sink, symbols, 4096);
    const want: unknown[] = [];
    let version: string | null = null;
    let threshold = Number.NaN;
    const d = emptyDecision();
    for (let i = 0; i < 6000; i++) {
      if (i % 997 === 0) {
        version = rng.next() < 0.3 ? null : `student:${i.toString(16)}"é${'\n'.repeat(rng.int(120))}`;
        w.setModel(version);
      }
      if (i % 1493 === 0) {
        threshold = rng.next() < 0.2 ? Number.NaN : Math.round(rng.next() * 1000) / 1000;
        w.setThreshold(threshold);
      }
      d.symbol = rng.int(symbols.length);
      // Mostly shared bar times (the writer renders a bar time once), some far apart and non-finite.
      d.ts =
        rng.next() < 0.8
          ? Date.UTC(2024, 0, 2, 3, 45) + Math.floor(i / 7) * 300_000
          : rng.next() < 0.9
            ? Math.round((rng.next() * 2 - 0.8) * 4e12)
            : edges[rng.int(3)];
      d.direction =
        rng.next() < 0.9 ? rng.int(3) - 1 : rng.next() < 0.5 ? 7 - rng.int(15) : edges[rng.int(3)];
      d.strength = draw();
      d.studentClass = rng.int(CLASSES.length + 1) - 1;
      d.confidence = draw();
      d.factor = draw();
      d.target = draw();
      d.source = rng.int(PREDICTION_SOURCES.length);
      d.latencyUs = draw();
      w.write(d);
      want.push(reference(d, symbols, version, Number.isFinite(threshold) ? threshold : Number.NaN));
    }
    w.close();
    const lines = sink.text().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBe(want.length);
    for (let i = 0; i < lines.length; i++) {
      const got = JSON.parse(lines[i]);
      expect(Object.keys(got)).toEqual([...TELEMETRY_FIELDS]);
      expect(got, lines[i]).toEqual(want[i]);
    }
  });
});
