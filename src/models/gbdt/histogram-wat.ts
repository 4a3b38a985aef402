/**
 * WebAssembly text of the histogram kernels (compiled to histogram-wasm-bytes.ts by
 * `node scripts/build-wasm.mjs`; a test recompiles it and compares). They do exactly what
 * buildHistogram in histogram.ts does, in the same order, so the sums are bit-identical; what they
 * save is V8's bounds checks and the second load/add/store per cell: a slot holds (gradient, hessian)
 * pairs of doubles, so one SIMD f64x2 add updates both (about half the time of the JavaScript loop).
 *
 * Every pointer is a byte offset in the shared memory the buffers live in (see wasm-arena.ts):
 * `cells` row-major histogram cells (u16 or u32), `rows` u32 row ids, `gh` the (gradient, hessian)
 * pairs of one class (row r at gh + 16·r), `hist` the slot, `feats` i32 feature ids.
 *  - dense{16,32}(cells, d, rows, start, end, gh, hist): every feature of rows[start..end);
 *  - blocked{16,32}(cells, d, rows, start, end, gh, hist, scratch): the same for scattered rows;
 *  - subset{16,32}(cells, d, rows, start, end, gh, hist, feats, nf): features feats[0..nf);
 *  - partition(rows, tmp, from, to, col, goLeft): partitionRows of partition.ts;
 *  - sumPairs(rows, start, end, gh, out): the gradient and hessian sums of rows[start..end);
 *  - softmax3(raw, y, gh, n, from, to): softmaxGradients for 3 classes without weights.
 */

/** Adds the pair `$v` into the slot's cell whose index `load` reads (16 bytes per pair). */
function addCell(load: string): string {
  return `
      (local.set $a (i32.add (local.get $hist) (i32.shl ${load} (i32.const 4))))
      (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $v)))`;
}

/** Rows per block of the blocked kernels; `scratch` holds BLOCK pairs (16 bytes each). */
export const BLOCK = 64;

function loadOp(width: 2 | 4): string {
  return width === 2 ? 'i32.load16_u' : 'i32.load';
}

/** The row loop shared by both kernels: per row r, `$v` = its pair and `$q` = its first cell. */
function rowLoop(width: 2 | 4, body: string): string {
  const log = width === 2 ? 1 : 2;
  return `
    (local.set $p (local.get $start))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $r (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $v (v128.load (i32.add (local.get $gh) (i32.shl (local.get $r) (i32.const 4)))))
        (local.set $q (i32.add (local.get $cells) (i32.shl (i32.mul (local.get $r) (local.get $d)) (i32.const ${log}))))
        ${body}
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $row)))`;
}

function dense(width: 2 | 4): string {
  const load = loadOp(width);
  const unrolled = Array.from({ length: 8 }, (_, i) =>
    addCell(`(${load} offset=${i * width} (local.get $q))`),
  ).join('');
  const body = `
        (local.set $qe (i32.add (local.get $q) (i32.mul (local.get $d) (i32.const ${width}))))
        (block $d8
          (loop $l8
            (br_if $d8 (i32.gt_u (i32.add (local.get $q) (i32.const ${8 * width})) (local.get $qe)))
            ${unrolled}
            (local.set $q (i32.add (local.get $q) (i32.const ${8 * width})))
            (br $l8)))
        (block $d1
          (loop $l1
            (br_if $d1 (i32.ge_u (local.get $q) (local.get $qe)))
            ${addCell(`(${load} (local.get $q))`)}
            (local.set $q (i32.add (local.get $q) (i32.const ${width})))
            (br $l1)))`;
  return `
  (func (export "dense${8 * width}")
    (param $cells i32) (param $d i32) (param $rows i32) (param $start i32) (param $end i32)
    (param $gh i32) (param $hist i32)
    (local $p i32) (local $r i32) (local $q i32) (local $qe i32) (local $a i32) (local $v v128)
    ${rowLoop(width, body)})`;
}

function subset(width: 2 | 4): string {
  const load = loadOp(width);
  const log = width === 2 ? 1 : 2;
  const cell = (i: number): string =>
    addCell(
      `(${load} (i32.add (local.get $q) (i32.shl (i32.load offset=${4 * i} (local.get $f)) (i32.const ${log}))))`,
    );
  const body = `
        (local.set $f (local.get $feats))
        (local.set $fe (i32.add (local.get $feats) (i32.shl (local.get $nf) (i32.const 2))))
        (block $d4
          (loop $l4
            (br_if $d4 (i32.gt_u (i32.add (local.get $f) (i32.const 16)) (local.get $fe)))
            ${cell(0)}${cell(1)}${cell(2)}${cell(3)}
            (local.set $f (i32.add (local.get $f) (i32.const 16)))
            (br $l4)))
        (block $d1
          (loop $l1
            (br_if $d1 (i32.ge_u (local.get $f) (local.get $fe)))
            ${cell(0)}
            (local.set $f (i32.add (local.get $f) (i32.const 4)))
            (br $l1)))`;
  return `
  (func (export "subset${8 * width}")
    (param $cells i32) (param $d i32) (param $rows i32) (param $start i32) (param $end i32)
    (param $gh i32) (param $hist i32) (param $feats i32) (param $nf i32)
    (local $p i32) (local $r i32) (local $q i32) (local $f i32) (local $fe i32) (local $a i32) (local $v v128)
    ${rowLoop(width, body)})`;
}

/**
 * dense{16,32} for rows scattered over the data (a deep leaf's): they go in blocks of BLOCK rows. A
 * first loop with independent iterations gathers the block's (g, h) pairs into `scratch` and touches
 * each row's first and last cell, so the CPU overlaps the cache misses; the second adds the block.
 * Returns a checksum of the touched cells (callers ignore it; it keeps the loads alive).
 */
function blocked(width: 2 | 4): string {
  const load = loadOp(width);
  const log = width === 2 ? 1 : 2;
  const unrolled = Array.from({ length: 8 }, (_, i) =>
    addCell(`(${load} offset=${i * width} (local.get $q))`),
  ).join('');
  return `
  (func (export "blocked${8 * width}")
    (param $cells i32) (param $d i32) (param $rows i32) (param $start i32) (param $end i32)
    (param $gh i32) (param $hist i32) (param $scratch i32) (result i32)
    (local $p i32) (local $r i32) (local $q i32) (local $qe i32) (local $a i32) (local $v v128)
    (local $b0 i32) (local $b1 i32) (local $s i32) (local $sink i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const ${log})))
    (local.set $b0 (local.get $start))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $b0) (local.get $end)))
        (local.set $b1 (i32.add (local.get $b0) (i32.const ${BLOCK})))
        (if (i32.gt_u (local.get $b1) (local.get $end)) (then (local.set $b1 (local.get $end))))
        ;; gather and touch
        (local.set $p (local.get $b0))
        (local.set $s (local.get $scratch))
        (block $g1
          (loop $gather
            (br_if $g1 (i32.ge_u (local.get $p) (local.get $b1)))
            (local.set $r (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2)))))
            (v128.store (local.get $s) (v128.load (i32.add (local.get $gh) (i32.shl (local.get $r) (i32.const 4)))))
            (local.set $q (i32.add (local.get $cells) (i32.mul (local.get $r) (local.get $rowBytes))))
            (local.set $sink (i32.xor (local.get $sink) (i32.xor (${load} (local.get $q))
              (${load} (i32.sub (i32.add (local.get $q) (local.get $rowBytes)) (i32.const ${width}))))))
            (local.set $s (i32.add (local.get $s) (i32.const 16)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $gather)))
        ;; add
        (local.set $p (local.get $b0))
        (local.set $s (local.get $scratch))
        (block $a1
          (loop $add
            (br_if $a1 (i32.ge_u (local.get $p) (local.get $b1)))
            (local.set $r (i32.load (i32.add (local.get $rows) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $v (v128.load (local.get $s)))
            (local.set $q (i32.add (local.get $cells) (i32.mul (local.get $r) (local.get $rowBytes))))
            (local.set $qe (i32.add (local.get $q) (local.get $rowBytes)))
            (block $d8
              (loop $l8
                (br_if $d8 (i32.gt_u (i32.add (local.get $q) (i32.const ${8 * width})) (local.get $qe)))
                ${unrolled}
                (local.set $q (i32.add (local.get $q) (i32.const ${8 * width})))
                (br $l8)))
            (block $d1
              (loop $l1
                (br_if $d1 (i32.ge_u (local.get $q) (local.get $qe)))
                ${addCell(`(${load} (local.get $q))`)}
                (local.set $q (i32.add (local.get $q) (i32.const ${width})))
                (br $l1)))
            (local.set $s (i32.add (local.get $s) (i32.const 16)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $add)))
        (local.set $b0 (local.get $b1))
        (br $blocks)))
    (local.get $sink))`;
}

/**
 * partition(rows, tmp, from, to, col, goLeft): partitionRows of partition.ts (a stable, branch-free
 * split of rows[from..to) by goLeft[bin of the row at col]): left rows compacted from rows[from],
 * right ones in order to tmp[from..]. `col` points at the feature's column of bins (one byte per row).
 * Returns how many went left.
 */
function partition(): string {
  return `
  (func (export "partition")
    (param $rows i32) (param $tmp i32) (param $from i32) (param $to i32) (param $col i32) (param $goLeft i32)
    (result i32)
    (local $q i32) (local $qe i32) (local $l i32) (local $t i32) (local $r i32) (local $left i32)
    (local.set $q (i32.add (local.get $rows) (i32.shl (local.get $from) (i32.const 2))))
    (local.set $qe (i32.add (local.get $rows) (i32.shl (local.get $to) (i32.const 2))))
    (local.set $l (local.get $q))
    (local.set $t (i32.add (local.get $tmp) (i32.shl (local.get $from) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $qe)))
        (local.set $r (i32.load (local.get $q)))
        (local.set $left (i32.shl
          (i32.load8_u (i32.add (local.get $goLeft) (i32.load8_u (i32.add (local.get $col) (local.get $r)))))
          (i32.const 2)))
        (i32.store (local.get $l) (local.get $r))
        (i32.store (local.get $t) (local.get $r))
        (local.set $l (i32.add (local.get $l) (local.get $left)))
        (local.set $t (i32.add (local.get $t) (i32.sub (i32.const 4) (local.get $left))))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $next)))
    (i32.shr_u (i32.sub (local.get $l) (i32.add (local.get $rows) (i32.shl (local.get $from) (i32.const 2))))
      (i32.const 2)))`;
}

/**
 * sumPairs(rows, start, end, gh, out): the (gradient, hessian) sums of rows[start..end), added in row
 * order lane by lane (the same bits as two scalar sums), stored as a pair at `out`.
 */
function sumPairs(): string {
  return `
  (func (export "sumPairs") (param $rows i32) (param $start i32) (param $end i32) (param $gh i32) (param $out i32)
    (local $q i32) (local $qe i32) (local $v v128)
    (local.set $q (i32.add (local.get $rows) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $qe (i32.add (local.get $rows) (i32.shl (local.get $end) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $q) (local.get $qe)))
        (local.set $v (f64x2.add (local.get $v)
          (v128.load (i32.add (local.get $gh) (i32.shl (i32.load (local.get $q)) (i32.const 4))))))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $next)))
    (v128.store (local.get $out) (local.get $v)))`;
}

/** Splats of one f64 constant. */
const f2 = (v: string): string => `(f64x2.splat (f64.const ${v}))`;
const i2 = (v: string): string => `(v128.const i64x2 ${v} ${v})`;

/**
 * $vexp: Math.exp of both lanes, bit for bit. V8's Math.exp is fdlibm's e_exp.c (test: a scalar port
 * agrees on millions of inputs), and this is the same arithmetic in both lanes at once for the domain
 * softmax uses (−709.78 < x ≤ 0); a pair with a lane outside it (positive, NaN, ±Infinity, below) calls
 * the imported Math.exp per lane. No fused multiply-add exists in wasm SIMD, so the bits are fdlibm's.
 */
function vexp(): string {
  const sel = (a: string, b: string, m: string): string => `(v128.bitselect ${a} ${b} ${m})`;
  return `
  (func $vexp (param $x v128) (result v128)
    (local $abs v128) (local $k v128) (local $hi v128) (local $lo v128) (local $xr v128) (local $t v128)
    (local $c v128) (local $y v128) (local $ki v128) (local $mB v128) (local $mC v128) (local $big v128)
    (local.set $abs (v128.and (local.get $x) ${i2('0x7fffffffffffffff')}))
    (if (i32.eqz (i64x2.all_true (v128.and
          (f64x2.le (local.get $x) ${f2('0')})
          (i64x2.lt_s (local.get $abs) ${i2('0x40862e4200000000')}))))
      (then (return (f64x2.replace_lane 1
        (f64x2.splat (call $exp (f64x2.extract_lane 0 (local.get $x))))
        (call $exp (f64x2.extract_lane 1 (local.get $x)))))))
    ;; |x| <= 0.5 ln2: no reduction (k = 0); |x| < 1.5 ln2: k = -1; else k = trunc(x / ln2 - 0.5).
    (local.set $mB (i64x2.lt_s (local.get $abs) ${i2('0x3fd62e4300000000')}))
    (local.set $mC (i64x2.lt_s (local.get $abs) ${i2('0x3ff0a2b200000000')}))
    (local.set $k (f64x2.trunc (f64x2.add (f64x2.mul ${f2('1.44269504088896338700e+00')} (local.get $x)) ${f2('-0.5')})))
    (local.set $hi ${sel(
      `(f64x2.sub (local.get $x) ${f2('-6.93147180369123816490e-01')})`,
      `(f64x2.sub (local.get $x) (f64x2.mul (local.get $k) ${f2('6.93147180369123816490e-01')}))`,
      '(local.get $mC)',
    )})
    (local.set $lo ${sel(f2('-1.90821492927058770002e-10'), `(f64x2.mul (local.get $k) ${f2('1.90821492927058770002e-10')})`, '(local.get $mC)')})
    (local.set $k ${sel(f2('-1'), '(local.get $k)', '(local.get $mC)')})
    (local.set $xr ${sel('(local.get $x)', '(f64x2.sub (local.get $hi) (local.get $lo))', '(local.get $mB)')})
    (local.set $t (f64x2.mul (local.get $xr) (local.get $xr)))
    (local.set $c (f64x2.sub (local.get $xr) (f64x2.mul (local.get $t)
      (f64x2.add ${f2('1.66666666666666019037e-01')} (f64x2.mul (local.get $t)
      (f64x2.add ${f2('-2.77777777770155933842e-03')} (f64x2.mul (local.get $t)
      (f64x2.add ${f2('6.61375632143793436117e-05')} (f64x2.mul (local.get $t)
      (f64x2.add ${f2('-1.65339022054652515390e-06')} (f64x2.mul (local.get $t) ${f2('4.13813679705723846039e-08')})))))))))))
    ;; k != 0: y = 1 - ((lo - (x c)/(2 - c)) - hi), scaled by 2^k (through 2^-1000 when k < -1021).
    (local.set $y (f64x2.sub ${f2('1')} (f64x2.sub (f64x2.sub (local.get $lo)
      (f64x2.div (f64x2.mul (local.get $xr) (local.get $c)) (f64x2.sub ${f2('2')} (local.get $c)))) (local.get $hi))))
    (local.set $ki (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $k))))
    (local.set $big (i64x2.ge_s (local.get $ki) ${i2('-1021')}))
    (local.set $y ${sel(
      `(f64x2.mul (local.get $y) (i64x2.shl (i64x2.add (local.get $ki) ${i2('1023')}) (i32.const 52)))`,
      `(f64x2.mul (f64x2.mul (local.get $y) (i64x2.shl (i64x2.add (local.get $ki) ${i2('2023')}) (i32.const 52))) ${f2('9.33263618503218878990e-302')})`,
      '(local.get $big)',
    )})
    ;; k = 0: 1 - ((x c)/(c - 2) - x); |x| < 2^-28: 1 + x.
    (local.set $y ${sel(
      `(f64x2.sub ${f2('1')} (f64x2.sub (f64x2.div (f64x2.mul (local.get $xr) (local.get $c)) (f64x2.sub (local.get $c) ${f2('2')})) (local.get $xr)))`,
      '(local.get $y)',
      '(local.get $mB)',
    )})
    ${sel(`(f64x2.add ${f2('1')} (local.get $x))`, '(local.get $y)', `(i64x2.lt_s (local.get $abs) ${i2('0x3e30000000000000')})`)})`;
}

/**
 * softmax3(raw, y, gh, n, from, to): softmaxGradients of objective.ts for K = 3 classes and no weights,
 * two rows at a time (one per lane) over rows[from..to) (an even count): the same operations in the
 * same order per row, so the same bits. `raw` row-major n×3 scores, `y` i32 labels, `gh` the (g, h)
 * pairs, class-major (class k, row i at gh + 16·(k·n + i)).
 */
function softmax3(): string {
  const lanes = (a: string, b: string, hi1: boolean, hi2: boolean): string => {
    const l = (o: number) => Array.from({ length: 8 }, (_, i) => o + i).join(' ');
    return `(i8x16.shuffle ${l(hi1 ? 8 : 0)} ${l(hi2 ? 24 : 16)} ${a} ${b})`;
  };
  const cls = (k: number): string => `
        (local.set $p (f64x2.div (local.get $e${k}) (local.get $s)))
        (local.set $g (v128.bitselect (f64x2.sub (local.get $p) ${f2('1')}) (local.get $p)
          (i64x2.eq (local.get $yy) ${i2(String(k))})))
        (local.set $h (f64x2.mul (f64x2.mul ${f2('1.5')} (local.get $p)) (f64x2.sub ${f2('1')} (local.get $p))))
        (local.set $a (i32.add (local.get $gh) (i32.shl (i32.add (i32.mul (i32.const ${k}) (local.get $n)) (local.get $i)) (i32.const 4))))
        (v128.store (local.get $a) ${lanes('(local.get $g)', '(local.get $h)', false, false)})
        (v128.store offset=16 (local.get $a) ${lanes('(local.get $g)', '(local.get $h)', true, true)})`;
  return `
  (func (export "softmax3") (param $raw i32) (param $y i32) (param $gh i32) (param $n i32) (param $from i32) (param $to i32)
    (local $i i32) (local $o i32) (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $s0 v128) (local $s1 v128)
    (local $s2 v128) (local $mx v128) (local $e0 v128) (local $e1 v128) (local $e2 v128) (local $s v128) (local $p v128)
    (local $g v128) (local $h v128) (local $yy v128) (local $a i32)
    (local.set $i (local.get $from))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $i) (local.get $to)))
        (local.set $o (i32.add (local.get $raw) (i32.mul (local.get $i) (i32.const 24))))
        (local.set $r0 (v128.load (local.get $o)))
        (local.set $r1 (v128.load offset=16 (local.get $o)))
        (local.set $r2 (v128.load offset=32 (local.get $o)))
        (local.set $s0 ${lanes('(local.get $r0)', '(local.get $r1)', false, true)})
        (local.set $s1 ${lanes('(local.get $r0)', '(local.get $r2)', true, false)})
        (local.set $s2 ${lanes('(local.get $r1)', '(local.get $r2)', false, true)})
        (local.set $mx (local.get $s0))
        (local.set $mx (v128.bitselect (local.get $s1) (local.get $mx) (f64x2.gt (local.get $s1) (local.get $mx))))
        (local.set $mx (v128.bitselect (local.get $s2) (local.get $mx) (f64x2.gt (local.get $s2) (local.get $mx))))
        (local.set $e0 (call $vexp (f64x2.sub (local.get $s0) (local.get $mx))))
        (local.set $e1 (call $vexp (f64x2.sub (local.get $s1) (local.get $mx))))
        (local.set $e2 (call $vexp (f64x2.sub (local.get $s2) (local.get $mx))))
        (local.set $s (f64x2.add (f64x2.add (f64x2.add ${f2('0')} (local.get $e0)) (local.get $e1)) (local.get $e2)))
        (local.set $yy (i64x2.extend_low_i32x4_s (v128.load64_zero (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 2))))))
        ${cls(0)}${cls(1)}${cls(2)}
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pair)))
  )`;
}

/** The module's text: imports the shared memory `env.mem`, exports the kernels. */
export function histogramKernelWat(): string {
  return `(module
  (import "env" "mem" (memory 1 65536 shared))
  (import "env" "exp" (func $exp (param f64) (result f64)))
${dense(2)}
${dense(4)}
${blocked(2)}
${blocked(4)}
${subset(2)}
${subset(4)}
${partition()}
${sumPairs()}
${vexp()}
${softmax3()}
)
`;
}
