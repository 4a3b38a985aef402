/** Class indices 0..K−1, one per row. */
export type LabelArray = Int32Array | Int8Array;
