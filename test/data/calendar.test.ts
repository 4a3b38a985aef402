import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/index.js';
import {
  formatTs,
  localDate,
  localMinuteOfDay,
  parseTimestamp,
  tzOffsetMinutes,
  weekdaySessions,
} from '../../src/data/index.js';

const IST = 'Asia/Kolkata';
const NY = 'America/New_York';

describe('tzOffsetMinutes', () => {
  it('gives +330 for IST all year and EST/EDT for New York', () => {
    expect(tzOffsetMinutes(IST, Date.UTC(2024, 0, 15))).toBe(330);
    expect(tzOffsetMinutes(IST, Date.UTC(2024, 6, 15))).toBe(330);
    expect(tzOffsetMinutes(NY, Date.UTC(2024, 0, 15))).toBe(-300);
    expect(tzOffsetMinutes(NY, Date.UTC(2024, 6, 15))).toBe(-240);
  });

  it('switches exactly at the DST transition (2024-03-10 02:00 EST = 07:00Z)', () => {
    expect(tzOffsetMinutes(NY, Date.UTC(2024, 2, 10, 6, 59, 59, 999))).toBe(-300);
    expect(tzOffsetMinutes(NY, Date.UTC(2024, 2, 10, 7, 0))).toBe(-240);
    // Fall back: 2024-11-03 02:00 EDT = 06:00Z.
    expect(tzOffsetMinutes(NY, Date.UTC(2024, 10, 3, 5, 59))).toBe(-240);
    expect(tzOffsetMinutes(NY, Date.UTC(2024, 10, 3, 6, 0))).toBe(-300);
  });

  it('rejects an unknown timezone with a ConfigError', () => {
    expect(() => tzOffsetMinutes('Mars/Olympus', 0)).toThrow(ConfigError);
  });
});

describe('formatTs', () => {
  it('formats local time with the offset', () => {
    // 03:45Z + 5:30 = 09:15 IST.
    expect(formatTs(Date.UTC(2024, 0, 2, 3, 45), IST)).toBe('2024-01-02T09:15:00+05:30');
    // Daily bar stamped at local midnight: 2024-01-01T18:30Z.
    expect(formatTs(Date.UTC(2024, 0, 1, 18, 30), IST)).toBe('2024-01-02T00:00:00+05:30');
    expect(formatTs(Date.UTC(2024, 0, 2, 3, 45, 7, 25), IST)).toBe('2024-01-02T09:15:07.025+05:30');
    expect(formatTs(Date.UTC(2024, 6, 1, 13, 30), NY)).toBe('2024-07-01T09:30:00-04:00');
    expect(formatTs(Date.UTC(2024, 0, 2, 14, 30), NY)).toBe('2024-01-02T09:30:00-05:00');
  });

  it('defaults to the exchange timezone', () => {
    expect(formatTs(Date.UTC(2024, 0, 2, 3, 45))).toBe('2024-01-02T09:15:00+05:30');
  });
});

describe('parseTimestamp', () => {
  const t0915 = Date.UTC(2024, 0, 2, 3, 45); // 2024-01-02 09:15 IST
  it.each([
    ['2024-01-02', Date.UTC(2024, 0, 1, 18, 30)],
    ['2024-01-02 09:15', t0915],
    ['2024-01-02 09:15:30', t0915 + 30_000],
    ['2024-01-02T09:15', t0915],
    ['2024-01-02T09:15:00.250', t0915 + 250],
    ['2024-01-02T09:15:00.5', t0915 + 500],
    ['2024-01-02T03:45:00Z', t0915],
    ['2024-01-02T09:15:00+05:30', t0915],
    ['2024-01-02 09:15:00+0530', t0915],
    ['2024-01-02 09:15:00 +05:30', t0915],
    ['2024-01-01T22:45:00-05:00', t0915],
    ['2024-01-02T04:45:00+01', t0915],
    ['  2024-01-02 09:15  ', t0915],
    ['2024-02-29', Date.UTC(2024, 1, 28, 18, 30)],
  ])('%s → right instant', (text, expected) => {
    expect(parseTimestamp(text, IST)).toBe(expected);
  });

  it.each([
    '',
    'null',
    '02/01/2024',
    '2024-1-2',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-01-02 24:00',
    '2024-01-02T09:60',
    '2024-01-02T09:15:61',
    '2024-01-02Z',
    '2024-01-02 09:15+25:00',
    '2024-01-02 09:15 junk',
    '2024-01-02T09:15:00.',
  ])('%j → NaN', (text) => {
    expect(parseTimestamp(text, IST)).toBeNaN();
  });

  it('reads naive times in a DST zone as local wall time', () => {
    // 09:30 EDT = 13:30Z in July, 09:30 EST = 14:30Z in January.
    expect(parseTimestamp('2024-07-01 09:30', NY)).toBe(Date.UTC(2024, 6, 1, 13, 30));
    expect(parseTimestamp('2024-01-02 09:30', NY)).toBe(Date.UTC(2024, 0, 2, 14, 30));
    // Non-existent 02:30 on spring-forward day moves forward to 03:30 EDT = 07:30Z.
    expect(parseTimestamp('2024-03-10 02:30', NY)).toBe(Date.UTC(2024, 2, 10, 7, 30));
    // Ambiguous 01:30 on fall-back day takes the earlier instant, 01:30 EDT = 05:30Z.
    expect(parseTimestamp('2024-11-03 01:30', NY)).toBe(Date.UTC(2024, 10, 3, 5, 30));
  });

  it('round-trips formatTs for any instant and zone', () => {
    const zones = [IST, NY, 'Europe/London', 'Australia/Lord_Howe', 'UTC', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, tz) => {
          expect(parseTimestamp(formatTs(ms, tz), tz)).toBe(ms);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('weekdaySessions and local helpers', () => {
  it('lists Mon–Fri dates inclusive', () => {
    // 2024-01-01 was a Monday; 6 and 7 are the weekend.
    expect(weekdaySessions('2024-01-01', '2024-01-10', IST)).toEqual([
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
      '2024-01-08',
      '2024-01-09',
      '2024-01-10',
    ]);
    expect(weekdaySessions('2024-01-06', '2024-01-07', IST)).toEqual([]);
    expect(weekdaySessions('2024-01-10', '2024-01-01', IST)).toEqual([]);
  });

  it('counts 262 weekdays in 2024 (366 days = 52 weeks + Mon, Tue)', () => {
    expect(weekdaySessions('2024-01-01', '2024-12-31', IST)).toHaveLength(262);
  });

  it('accepts instants as bounds, read in the zone', () => {
    // 2024-01-07T20:00Z is Sunday in UTC but already Monday 2024-01-08 01:30 in IST.
    expect(weekdaySessions(Date.UTC(2024, 0, 4, 12), Date.UTC(2024, 0, 7, 20), IST)).toEqual([
      '2024-01-04',
      '2024-01-05',
      '2024-01-08',
    ]);
  });

  it('rejects malformed dates with a ConfigError naming the bound', () => {
    expect(() => weekdaySessions('2024-13-01', '2024-12-31', IST)).toThrow(/start/);
    expect(() => weekdaySessions('2024-01-01', 'tomorrow', IST)).toThrow(ConfigError);
  });

  it('gives the local date and minute of day', () => {
    expect(localDate(Date.UTC(2024, 0, 1, 18, 30), IST)).toBe('2024-01-02');
    expect(localDate(Date.UTC(2024, 0, 1, 18, 29), IST)).toBe('2024-01-01');
    expect(localMinuteOfDay(Date.UTC(2024, 0, 2, 3, 45), IST)).toBe(555);
  });
});
