import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/run-stage.mjs (what dvc.yaml runs) on a tiny project of its own: a `src/cli/main.ts` that prints
// its argv and a value imported from another module, so every assertion is about which code really ran.
const root = mkdtempSync(join(tmpdir(), 'sq-run-stage-'));
mkdirSync(join(root, 'scripts'));
copyFileSync('scripts/run-stage.mjs', join(root, 'scripts', 'run-stage.mjs'));
symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
const write = (rel: string, text: string) => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};
write(
  'src/cli/main.ts',
  `import { value } from '../lib/value.js';
export async function main(argv: string[]): Promise<number> {
  process.stdout.write(\`\${argv.join(' ')}:\${value}\\n\`);
  return argv.includes('fail') ? 3 : 0;
}
`,
);
write('src/lib/value.ts', 'export const value: number = 1;\n');
write('src/lib/unused.ts', 'export type Unused = { a: number };\n');

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/run-stage.mjs', ...args], { cwd: root });
const built = (rel: string) => join(root, '.stage-build', rel);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scripts/run-stage.mjs', () => {
  it('runs the `stage` command of the TypeScript sources, transpiled on first use', () => {
    const r = run('ingest');
    expect(r.stderr.toString()).toBe('');
    expect(r.stdout.toString()).toBe('stage ingest:1\n');
    expect(r.status).toBe(0);
    expect(existsSync(built('src/lib/value.js'))).toBe(true);
  });

  it('runs an edited source at once, retranspiling only what changed', () => {
    const mainMtime = statSync(built('src/cli/main.js')).mtimeMs;
    write('src/lib/value.ts', 'export const value: number = 2;\n');
    expect(run('ingest').stdout.toString()).toBe('stage ingest:2\n');
    expect(statSync(built('src/cli/main.js')).mtimeMs).toBe(mainMtime);
    const manifest = JSON.parse(readFileSync(built('manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files).sort()).toEqual([
      'src/cli/main.ts',
      'src/lib/unused.ts',
      'src/lib/value.ts',
    ]);
  });

  it('drops the output of a deleted source and passes the exit code through', () => {
    rmSync(join(root, 'src/lib/unused.ts'));
    const r = run('teacher', 'fail');
    expect(r.stdout.toString()).toBe('stage teacher fail:2\n');
    expect(r.status).toBe(3);
    expect(existsSync(built('src/lib/unused.js'))).toBe(false);
  });

  it('a syntax error stops the stage with exit 1, naming the file', () => {
    write('src/lib/value.ts', 'export const value: number = ;\n');
    const r = run('ingest');
    expect(r.status).toBe(1);
    expect(r.stdout.toString()).toBe('');
    expect(r.stderr.toString()).toMatch(/src\/lib\/value\.ts:1/);
  });
});
