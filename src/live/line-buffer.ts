const DIGITS = new Uint8Array(32);
const POW10 = Float64Array.from({ length: 16 }, (_, i) => 10 ** i);
const NULL = ascii('null');
const ZERO = 0x30;
/** Largest whole number the int32 digit path takes (its divisions by 10 stay in integer registers). */
const INT_MAX = 0x7fffffff;

/** ASCII bytes of a constant string (field names, enum values), encoded once. */
export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0x7f);
}

/** UTF-8 bytes of a string that may hold any character (a symbol, a model version), encoded once. */
export function utf8(text: string): Uint8Array {
  const b = Buffer.from(text, 'utf8');
  return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}

/**
 * Writes the decimal digits of a whole number 0 ≤ n ≤ INT_MAX at u8[pos…], left-padded with zeros to
 * `width`, and returns the position after them. Digits go straight to their place, right to left.
 */
function writeInt32(u8: Uint8Array, pos: number, n: number, width: number): number {
  if (n < 10 && width <= 1) {
    u8[pos] = ZERO + n;
    return pos + 1;
  }
  let len = 1;
  for (let m = n; m >= 10; m = (m / 10) | 0) len++;
  if (len < width) len = width;
  const end = pos + len;
  let p = end;
  let v = n | 0;
  while (p > pos) {
    const q = (v / 10) | 0;
    u8[--p] = ZERO + v - q * 10;
    v = q;
  }
  return end;
}

/** Fractions rendered ahead for up to this many decimals (the telemetry's 4 and 2). */
const TABLED_DECIMALS = 4;
/**
 * FRACTIONS[d][8f … 8f + 7]: the length, then the bytes of `.` and the d-digit fraction f without its
 * trailing zeros (d = 4, f = 1200 → 3, `.12`); 1 + 10 + … + 10^4 entries of 8 bytes, built once.
 */
const FRACTIONS = Array.from({ length: TABLED_DECIMALS + 1 }, (_, d) => {
  const t = new Uint8Array(8 * 10 ** d);
  for (let f = 1; f < 10 ** d; f++) {
    const text = `.${String(f).padStart(d, '0')}`.replace(/0+$/, '');
    t[8 * f] = text.length;
    for (let k = 0; k < text.length; k++) t[8 * f + 1 + k] = text.charCodeAt(k);
  }
  return t;
});

/** writeInt32 for any whole number below 2^53 (doubles throughout). */
function writeWhole(u8: Uint8Array, pos: number, n: number, width: number): number {
  if (n <= INT_MAX) return writeInt32(u8, pos, n, width);
  let k = 0;
  do {
    const q = Math.floor(n / 10);
    DIGITS[k++] = ZERO + (n - q * 10);
    n = q;
  } while (n > 0);
  while (k < width) DIGITS[k++] = ZERO;
  let p = pos;
  while (k > 0) u8[p++] = DIGITS[--k];
  return p;
}

/**
 * Writes src[i] (epoch ms) as a quoted ISO-8601 UTC time with milliseconds, like
 * JSON.stringify(new Date(ms).toISOString()) (years 0–9999; 26 bytes), at u8[pos…]; returns the end.
 * Civil date from days since 1970-01-01 (H. Hinnant's algorithm), all in doubles: no allocation.
 */
export function writeIsoTime(u8: Uint8Array, pos: number, src: Float64Array, i: number): number {
  const ms = src[i];
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = Math.round(rest - s * 1000);
  let p = pos;
  u8[p++] = 0x22;
  p = writeWhole(u8, p, y, 4);
  u8[p++] = 0x2d;
  p = writeInt32(u8, p, m, 2);
  u8[p++] = 0x2d;
  p = writeInt32(u8, p, d, 2);
  u8[p++] = 0x54;
  p = writeInt32(u8, p, h, 2);
  u8[p++] = 0x3a;
  p = writeInt32(u8, p, mi, 2);
  u8[p++] = 0x3a;
  p = writeInt32(u8, p, s, 2);
  u8[p++] = 0x2e;
  p = writeInt32(u8, p, milli, 3);
  u8[p++] = 0x5a;
  u8[p++] = 0x22;
  return p;
}

/**
 * JSON text built straight into one large byte buffer: constant strings as pre-encoded bytes, numbers and
 * ISO times written digit by digit, so composing a line allocates nothing. The `…At(src, i)` forms read
 * the number from a typed array: V8 boxes a double passed to a call it does not inline, so hot paths use
 * them. When a record might not fit,
 * the filled part goes to `sink` in one chunk (one write per ~buffer, not per line).
 */
export class LineBuffer {
  private readonly buf: Buffer;
  /** The same memory as a plain Uint8Array (indexing a Buffer subclass is slower). */
  private readonly u8: Uint8Array;
  private pos = 0;
  private timeMs = Number.NaN;
  private readonly one = new Float64Array(1);
  private readonly timeBytes = new Uint8Array(26);
  /** Bytes handed to the sink so far. */
  flushedBytes = 0;

  constructor(
    capacity: number,
    private readonly sink: (bytes: Buffer, length: number) => void,
  ) {
    this.buf = Buffer.allocUnsafe(capacity);
    this.u8 = new Uint8Array(this.buf.buffer, this.buf.byteOffset, capacity);
  }

  /** Bytes waiting in the buffer. */
  get pending(): number {
    return this.pos;
  }

  /** Makes room for `n` more bytes, flushing first when they would not fit. */
  reserve(n: number): void {
    if (this.pos + n > this.buf.length) this.flush();
  }

  /** Hands everything buffered to the sink. */
  flush(): void {
    if (this.pos === 0) return;
    this.sink(this.buf, this.pos);
    this.flushedBytes += this.pos;
    this.pos = 0;
  }

  /**
   * Copies pre-encoded bytes: a loop for a few, TypedArray#set (a memcpy, ~4× faster at 70, ~20 ns a
   * call) for more.
   */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (n > 16) {
      this.u8.set(b, this.pos);
      this.pos += n;
      return;
    }
    const u8 = this.u8;
    let p = this.pos;
    for (let i = 0; i < n; i++) u8[p++] = b[i];
    this.pos = p;
  }

  byte(c: number): void {
    this.u8[this.pos++] = c;
  }

  /** `null` */
  nil(): void {
    this.bytes(NULL);
  }

  /** A whole number (|x| < 2^53); non-finite → null. */
  int(x: number): void {
    this.one[0] = x;
    this.intAt(this.one, 0);
  }

  /** int() of src[i]: numbers read from a typed array stay unboxed (no allocation per call). */
  intAt(src: Float64Array, i: number): void {
    let x = src[i];
    if (!Number.isFinite(x)) {
      this.nil();
      return;
    }
    if (x < 0) {
      this.byte(0x2d);
      x = -x;
    }
    this.pos = writeWhole(this.u8, this.pos, Math.round(x), 0);
  }

  /**
   * A number rounded to `decimals` (≤ 15) places with trailing zeros dropped (0.5, 1.2, 0.731234);
   * non-finite → null. Exact for values whose scaled magnitude stays below 2^53.
   */
  fixed(x: number, decimals: number): void {
    this.one[0] = x;
    this.fixedAt(this.one, 0, decimals);
  }

  /** fixed() of src[i], allocation-free. */
  fixedAt(src: Float64Array, i: number, decimals: number): void {
    const x = src[i];
    if (!Number.isFinite(x)) {
      this.nil();
      return;
    }
    const p = POW10[decimals];
    let scaled = Math.round(Math.abs(x) * p);
    if (scaled === 0) {
      this.byte(ZERO);
      return;
    }
    const u8 = this.u8;
    let pos = this.pos;
    if (x < 0) u8[pos++] = 0x2d;
    const whole = Math.floor(scaled / p);
    scaled -= whole * p;
    pos = writeWhole(u8, pos, whole, 0);
    if (scaled === 0) {
      this.pos = pos;
      return;
    }
    if (decimals <= TABLED_DECIMALS) {
      const t = FRACTIONS[decimals];
      const at = 8 * scaled;
      const n = t[at];
      for (let k = 1; k <= n; k++) u8[pos++] = t[at + k];
      this.pos = pos;
      return;
    }
    u8[pos++] = 0x2e;
    // The fraction's trailing zeros are dropped before its digits are written (scaled < p ≤ 10^15).
    let width = decimals;
    if (scaled <= INT_MAX) {
      let f = scaled | 0;
      for (let q = (f / 10) | 0; f === q * 10; q = (f / 10) | 0) {
        f = q;
        width--;
      }
      this.pos = writeInt32(u8, pos, f, width);
      return;
    }
    while (scaled % 10 === 0) {
      scaled /= 10;
      width--;
    }
    this.pos = writeWhole(u8, pos, scaled, width);
  }

  /** An instant as a quoted ISO-8601 UTC string with milliseconds, like Date#toISOString (years 0–9999). */
  isoTime(ms: number): void {
    this.one[0] = ms;
    this.isoTimeAt(this.one, 0);
  }

  /** isoTime() of src[i], allocation-free. */
  isoTimeAt(src: Float64Array, i: number): void {
    const ms = src[i];
    if (!Number.isFinite(ms)) {
      this.nil();
      return;
    }
    // Consecutive lines mostly share a bar time (every symbol's bar of it): reuse the last rendering.
    if (ms === this.timeMs) {
      this.bytes(this.timeBytes);
      return;
    }
    const from = this.pos;
    this.pos = writeIsoTime(this.u8, from, src, i);
    const n = this.pos - from;
    this.timeMs = n === this.timeBytes.length ? ms : Number.NaN;
    if (n === this.timeBytes.length) for (let k = 0; k < n; k++) this.timeBytes[k] = this.u8[from + k];
  }
}
