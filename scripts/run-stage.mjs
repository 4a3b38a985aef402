#!/usr/bin/env node
// `node scripts/run-stage.mjs <stage> [flags]`: what dvc.yaml runs. A stage must run the sources DVC
// hashed, never a stale `dist/` (which a queued or `--temp` experiment does not even have), so this
// transpiles every src/**/*.ts whose content changed since the last run into `.stage-build/` (esbuild,
// one file at a time: no bundling, no type check — `npm test` type-checks) and runs the CLI's `stage`
// command from there. Nothing changed: ~10 ms over a compiled start; a fresh workspace: one esbuild pass.
//
// Bare imports (zod, @tensorflow/tfjs, esbuild) resolve through node_modules in the workspace or any
// folder above it. DVC's temporary experiment workspaces live in `<repo>/.dvc/tmp/exps/<name>/`, so they
// use the node_modules of the repository that queued them.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SRC = join(ROOT, 'src');
const OUT = join(ROOT, '.stage-build');
const MANIFEST = join(OUT, 'manifest.json');
/**
 * The emit that `tsc -p tsconfig.build.json` gives for this project: ES2022 (native class fields, as
 * tsconfig.json's target implies), ESM. Part of the manifest key, so changing it rebuilds everything.
 */
const TRANSFORM = { loader: 'ts', format: 'esm', target: 'es2022', platform: 'node', charset: 'utf8' };

function sourceFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return { key: null, files: {} };
  }
}

/** Writes through a temp file + rename, so a concurrent or killed run never leaves half a file. */
function writeAtomic(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

const outFile = (rel) => join(OUT, rel.replace(/\.ts$/, '.js'));

/** Transpiles the changed sources; returns how many were rebuilt. */
async function build() {
  const sources = new Map();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file);
    sources.set(relative(ROOT, file).split(sep).join('/'), {
      text,
      hash: createHash('sha1').update(text).digest('hex'),
    });
  }
  const require = createRequire(import.meta.url);
  const version = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
  const key = JSON.stringify({ esbuild: version, ...TRANSFORM });
  const previous = readManifest();
  const todo = [...sources].filter(([rel, s]) => previous.key !== key || previous.files[rel] !== s.hash);
  const gone = Object.keys(previous.files).filter((rel) => !sources.has(rel));
  if (todo.length === 0 && gone.length === 0) return 0;
  const esbuild = await import('esbuild');
  for (const [rel, s] of todo) {
    const { code } = esbuild.transformSync(s.text.toString('utf8'), { ...TRANSFORM, sourcefile: rel });
    writeAtomic(outFile(rel), code);
  }
  for (const rel of gone) rmSync(outFile(rel), { force: true });
  const files = Object.fromEntries([...sources].map(([rel, s]) => [rel, s.hash]));
  writeAtomic(MANIFEST, `${JSON.stringify({ key, files }, null, 1)}\n`);
  return todo.length;
}

try {
  await build();
} catch (err) {
  // A syntax error in a source file: esbuild's message names file, line and column.
  process.stderr.write(`run-stage: cannot transpile src/: ${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
}
const { main } = await import(pathToFileURL(join(OUT, 'src', 'cli', 'main.js')).href);
process.exitCode = await main(['stage', ...process.argv.slice(2)]);
