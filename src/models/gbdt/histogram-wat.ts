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
 *  - sumPairs(rows, start, end, gh, out): the gradient and hessian sums of rows[start..end).
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

/** The module's text: imports the shared memory `env.mem`, exports the kernels. */
export function histogramKernelWat(): string {
  return `(module
  (import "env" "mem" (memory 1 65536 shared))
${dense(2)}
${dense(4)}
${blocked(2)}
${blocked(4)}
${subset(2)}
${subset(4)}
${partition()}
${sumPairs()}
)
`;
}
