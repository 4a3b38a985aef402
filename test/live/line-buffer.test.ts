import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { ascii, LineBuffer } from '../../src/live/index.js';

/** A buffer whose flushed chunks are collected as text. */
function collect(capacity = 4096) {
  const chunks: string[] = [];
  const b = new LineBuffer(capacity, (bytes, n) => chunks.push(bytes.toString('latin1', 0, n)));
  const text = () => {
    b.flush();
    return chunks.join('');
  };
  return { b, text, chunks };
}

describe('LineBuffer writes JSON values byte by byte', () => {
  it('times equal Date#toISOString, quoted, over 1900–2100 and around leap days (fresh and cached)', () => {
    const rng = createRng('iso');
    const { b, text } = collect(1 << 20);
    const want: string[] = [];
    const fixed = [
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2000, 1, 29),
      Date.UTC(1900, 2, 1),
      Date.UTC(2100, 1, 28, 12),
      0,
      -1,
      Date.UTC(1969, 11, 31, 18, 30),
    ];
    const times = [
      ...fixed,
      ...Array.from({ length: 2000 }, () => Math.round((rng.next() * 2 - 0.8) * 4.1e12)),
    ];
    for (const t of times) {
      // Twice each: the second rendering comes from the one-time cache.
      for (let k = 0; k < 2; k++) {
        b.isoTime(t);
        b.byte(0x0a);
        want.push(JSON.stringify(new Date(t).toISOString()));
      }
    }
    expect(text().trimEnd().split('\n')).toEqual(want);
  });

  it('fixed(x, d) prints x rounded to d places without trailing zeros; non-finite → null', () => {
    const cases: [number, number, string][] = [
      [0.731234, 6, '0.731234'],
      [0.7312345, 3, '0.731'],
      [1.2, 6, '1.2'],
      [0.5, 6, '0.5'],
      [1, 6, '1'],
      [-1, 6, '-1'],
      [-0.25, 6, '-0.25'],
      [-0.0000001, 6, '0'],
      [0, 3, '0'],
      [123.4567, 3, '123.457'],
      [0.000001, 6, '0.000001'],
      [12.000049, 4, '12'],
      [Number.NaN, 6, 'null'],
      [Number.POSITIVE_INFINITY, 6, 'null'],
    ];
    for (const [x, d, want] of cases) {
      const { b, text } = collect();
      b.fixed(x, d);
      expect(text(), `${x} to ${d}`).toBe(want);
    }
  });

  it('fixed agrees with toFixed (trailing zeros stripped) on random values', () => {
    const rng = createRng('fixed');
    for (let i = 0; i < 5000; i++) {
      const x = (rng.next() - 0.5) * 10 ** rng.int(5);
      const d = rng.int(7);
      const { b, text } = collect();
      b.fixed(x, d);
      // toFixed rounds the binary value half-away; equal except on exact binary ties, which these draws avoid.
      const ref = Number(x.toFixed(d));
      expect(Number(text())).toBe(ref === 0 ? 0 : ref);
    }
  });

  it('int writes whole numbers; constants are pre-encoded; a record that would overflow flushes first', () => {
    const { b, text, chunks } = collect(32);
    b.reserve(20);
    b.bytes(ascii('{"n":'));
    b.int(1717731900000);
    b.byte(0x7d);
    b.reserve(20);
    b.bytes(ascii('{"n":'));
    b.int(-42);
    b.byte(0x7d);
    expect(chunks.length).toBe(1); // the second record did not fit beside the first
    expect(text()).toBe('{"n":1717731900000}{"n":-42}');
  });
});
