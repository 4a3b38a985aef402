// Compiles the WebAssembly text of the GBDT histogram kernels (src/models/gbdt/histogram-wat.ts,
// read from dist/ after `npm run build`) into src/models/gbdt/histogram-wasm-bytes.ts, which is
// committed: a fresh clone needs no wasm toolchain. test/models/gbdt/histogram-wasm.test.ts recompiles
// the text and fails when the committed bytes differ. Usage: npm run -s build && node scripts/build-wasm.mjs
import { writeFileSync, renameSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileHistogramWasm, histogramWasmModuleSource } from './wasm-compile.mjs';

const bytes = await compileHistogramWasm();
const out = fileURLToPath(new URL('../src/models/gbdt/histogram-wasm-bytes.ts', import.meta.url));
const tmp = `${out}.tmp`;
writeFileSync(tmp, histogramWasmModuleSource(bytes));
const fd = openSync(tmp, 'r');
fsyncSync(fd);
closeSync(fd);
renameSync(tmp, out);
process.stdout.write(`wrote ${out} (${bytes.length} bytes of wasm)\n`);
