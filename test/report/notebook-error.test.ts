import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notebookFailure } from '../../src/report/index.js';

const dir = mkdtempSync(join(tmpdir(), 'sq-nberr-'));
const nb = join(dir, '02_x.ipynb');
writeFileSync(
  nb,
  JSON.stringify({
    cells: [
      { cell_type: 'markdown', id: 'title', source: '# x' },
      { cell_type: 'code', id: 'setup', source: ['const a = 1;'] },
      { cell_type: 'code', id: 'boom', source: ['const o: any = null;\n', 'o.foo();'] },
    ],
  }),
);

// What nbconvert prints for a tslab runtime error (trimmed from a real run).
const RUNTIME = `Traceback (most recent call last):
  File ".../nbclient/client.py", line 918, in _check_raise_for_error
nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:
------------------
const o: any = null;
o.foo();
------------------

----- stderr -----
evalmachine.<anonymous>:5
exports.tsLastExpr = o.foo();
                       ^

TypeError: Cannot read properties of null (reading 'foo')
    at evalmachine.<anonymous>:5:24
    at Object.execute (/x/node_modules/tslab/dist/executor.js:160:38)
------------------

`;

describe('notebookFailure', () => {
  it('names the notebook, the failing cell (position and id) and the error', () => {
    const i = notebookFailure(nb, RUNTIME);
    expect(i.file).toBe(nb);
    expect(i.path).toBe('cell 3 (id boom): const o: any = null;');
    expect(i.message).toBe("TypeError: Cannot read properties of null (reading 'foo')");
    expect(i.fix).toContain('npm run lab');
  });

  it('keeps a library error with its issues, and compile diagnostics without an error name', () => {
    const lib = RUNTIME.replace(
      /TypeError: .*\n/,
      'ArtifactError: reports/validation is stale\n  - significance.p_value: differs — fix: re-run the validate stage\n',
    );
    expect(notebookFailure(nb, lib).message).toBe(
      'ArtifactError: reports/validation is stale | - significance.p_value: differs — fix: re-run the validate stage',
    );
    const compile = RUNTIME.replace(
      /evalmachine[\s\S]*?executor.js:160:38\)\n/,
      "1:7 - Type 'number' is not assignable to type 'string'.\n",
    );
    expect(notebookFailure(nb, compile).message).toBe(
      "1:7 - Type 'number' is not assignable to type 'string'.",
    );
  });

  it('reads a plain Error (no prefix before "Error")', () => {
    expect(notebookFailure(nb, RUNTIME.replace(/TypeError: .*\n/, 'Error: boom\n')).message).toBe('Error: boom');
  });

  it('without a failing cell, reports the end of stderr (and the bootstrap when the kernel is missing)', () => {
    const i = notebookFailure(nb, 'jupyter_client.kernelspec.NoSuchKernel: No such kernel named tslab\n');
    expect(i.path).toBe('02_x.ipynb');
    expect(i.message).toContain('No such kernel named tslab');
    expect(i.fix).toBe('register the tslab kernel: npm run bootstrap');
  });
});
