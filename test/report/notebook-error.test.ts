import { describe, expect, it } from 'vitest';
import { notebookFailure, parseNotebookResults, RESULT_PREFIX } from '../../src/report/index.js';

// The text of a tslab runtime error in the failing cell's stderr output (trimmed from a real run).
const RUNTIME = `evalmachine.<anonymous>:5
exports.tsLastExpr = o.foo();
                       ^

TypeError: Cannot read properties of null (reading 'foo')
    at evalmachine.<anonymous>:5:24
    at Object.execute (/x/node_modules/tslab/dist/executor.js:160:38)
`;
const failed = (text: string) => ({
  notebook: 'notebooks/02_x.ipynb',
  ok: false,
  seconds: 3,
  error: 'CellExecutionError: An error occurred while executing the following cell: …',
  cell: 3,
  id: 'boom',
  source: 'const o: any = null;\no.foo();',
  text,
});

describe('notebook results', () => {
  it('reads the prefixed result lines and ignores anything else on stdout', () => {
    const out = `noise\n${RESULT_PREFIX}{"notebook":"a.ipynb","ok":true,"seconds":1.5}\n[tslab] hello\n`;
    expect(parseNotebookResults(out)).toEqual([{ notebook: 'a.ipynb', ok: true, seconds: 1.5 }]);
  });
});

describe('notebookFailure', () => {
  it('names the notebook, the failing cell (position, id, first line) and the error line', () => {
    const i = notebookFailure(failed(RUNTIME));
    expect(i.file).toBe('notebooks/02_x.ipynb');
    expect(i.path).toBe('cell 3 (id boom) `const o: any = null;`');
    expect(i.message).toBe("TypeError: Cannot read properties of null (reading 'foo')");
    expect(i.fix).toContain('npm run lab');
  });

  it('keeps a library error with its issues; a plain Error; compile diagnostics without an error name', () => {
    const lib = RUNTIME.replace(
      /TypeError: .*\n/,
      'ArtifactError: reports/validation is stale\n  - significance.p_value: differs — fix: re-run the validate stage\n',
    );
    expect(notebookFailure(failed(lib)).message).toBe(
      'ArtifactError: reports/validation is stale | - significance.p_value: differs — fix: re-run the validate stage',
    );
    expect(notebookFailure(failed(RUNTIME.replace(/TypeError: .*\n/, 'Error: boom\n'))).message).toBe(
      'Error: boom',
    );
    expect(notebookFailure(failed("1:7 - Type 'number' is not assignable to type 'string'.\n")).message).toBe(
      "1:7 - Type 'number' is not assignable to type 'string'.",
    );
  });

  it('without a failing cell, reports the exception (and the bootstrap when the kernel is missing)', () => {
    const i = notebookFailure({
      notebook: 'notebooks/02_x.ipynb',
      ok: false,
      seconds: 0.1,
      error: 'NoSuchKernel: No such kernel named tslab',
    });
    expect(i.path).toBe('02_x.ipynb');
    expect(i.message).toBe('the notebook did not run: NoSuchKernel: No such kernel named tslab');
    expect(i.fix).toBe('register the tslab kernel: npm run bootstrap');
  });
});
