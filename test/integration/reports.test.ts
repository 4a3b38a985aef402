import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportError } from '../../src/core/index.js';
import { readRawBars } from '../../src/data/index.js';
import { readFeatureDir } from '../../src/features/index.js';
import { initTfBackend } from '../../src/models/tfjs/index.js';
import { PATHS, REPORT_FILES, REPORT_NOTEBOOKS } from '../../src/pipeline/index.js';
import { ensureLibraryBuild, type NotebookRun, runNotebooks } from '../../src/report/index.js';
import {
  featuresMain,
  ingestMain,
  reportMain,
  stageContext,
  studentMain,
  teacherStage,
  validateMain,
} from '../../src/stages/index.js';
import { tempDir } from './helpers.js';
import { checkPages, type PageCheck } from './report-browser.js';

// Slow: the default pipeline into a temp project, then every notebook executed headless by the tslab kernel
// from .venv (nbconvert), then each HTML report opened in headless Chromium. Set UPDATE_SCREENSHOTS=1 to
// refresh the committed screenshots in reports/ from this run.
const REPO = process.cwd();
const root = tempDir('sq-reports-');
const at = (p: string) => join(root, p);
// The kernels must start without node_modules/.bin on PATH (the kernel spec carries absolute paths).
const BARE_PATH = (process.env.PATH ?? '')
  .split(':')
  .filter((d) => !d.includes('node_modules'))
  .join(':');

let runs: NotebookRun[];
let experiments: NotebookRun[];
let checks: PageCheck[];
const shots = (n: string) =>
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(REPO, PATHS.reports, REPORT_FILES.screenshot(n))
    : at(`${n}.png`);

describe('notebooks and HTML reports on the default run [slow]', () => {
  beforeAll(async () => {
    ensureLibraryBuild(REPO);
    await initTfBackend();
    copyFileSync(join(REPO, PATHS.params), at(PATHS.params));
    const ctx = stageContext(at(PATHS.params));
    await ingestMain(ctx, { outDir: at(PATHS.raw) });
    await featuresMain(ctx, { rawDir: at(PATHS.raw), outDir: at(PATHS.features) });
    const bars = readRawBars(at(PATHS.raw), ctx.params.base.exchange_tz);
    await teacherStage(ctx, bars, readFeatureDir(at(PATHS.features)), {
      outDir: at(PATHS.teacher),
      inputs: [at(PATHS.raw), at(PATHS.features)],
    });
    await studentMain(ctx, { teacherDir: at(PATHS.teacher), outDir: at(PATHS.student) });
    await validateMain(ctx, {
      rawDir: at(PATHS.raw),
      featuresDir: at(PATHS.features),
      studentDir: at(PATHS.student),
      outDir: at(PATHS.validation),
    });
    const path = process.env.PATH;
    process.env.PATH = BARE_PATH;
    try {
      // The report stage (01–03) against the temp project; 04 against this repository's DVC experiments.
      runs = (
        await reportMain(ctx, {
          notebooksDir: join(REPO, PATHS.notebooks),
          projectDir: root,
          validationDir: at(PATHS.validation),
          outDir: at(PATHS.reports),
        })
      ).notebooks;
      experiments = await runNotebooks({
        notebooksDir: join(REPO, PATHS.notebooks),
        names: ['04_experiments'],
        outDir: at(PATHS.reports),
        projectDir: REPO,
      });
    } finally {
      process.env.PATH = path;
    }
    checks = await checkPages(
      [...runs, ...experiments].map((r) => ({
        html: r.html,
        expectedPlots: r.figures,
        screenshot: r.name.startsWith('04') ? at('04.png') : shots(r.name),
      })),
    );
  }, 1_200_000);

  it('the report stage writes one offline HTML page per notebook and promotion_report.md', () => {
    expect(runs.map((r) => r.name)).toEqual([...REPORT_NOTEBOOKS]);
    for (const r of runs) {
      expect(r.html).toBe(at(join(PATHS.reports, REPORT_FILES.html(r.name))));
      expect(statSync(r.html).size).toBeGreaterThan(4_000_000); // plotly.js inlined
    }
    expect(runs.map((r) => r.figures)).toEqual([4, 8, 3]);
    const md = readFileSync(at(join(PATHS.reports, REPORT_FILES.promotionReport)), 'utf8');
    const checklist = JSON.parse(
      readFileSync(at(join(PATHS.validation, 'promotion_checklist.json')), 'utf8'),
    );
    expect(md).toContain(`**Recommendation: ${checklist.recommendation}** — ${checklist.reason}`);
  });

  it('the pages hold nothing of the machine: no project path (a clone elsewhere reproduces dvc.lock)', () => {
    // The checklist records the candidate's path as validation was given it (relative under DVC; this
    // test's project lives in a temp dir); the pages may quote it and its folder, nothing else of the machine.
    const checklist = JSON.parse(
      readFileSync(at(join(PATHS.validation, 'promotion_checklist.json')), 'utf8'),
    ) as { candidate_model: string };
    const quoted = (text: string) =>
      text
        .replaceAll(checklist.candidate_model, '<candidate>')
        .replaceAll(dirname(checklist.candidate_model), '<candidate dir>');
    for (const r of runs) {
      const page = quoted(readFileSync(r.html, 'utf8'));
      const i = page.indexOf(root);
      expect(i < 0 ? '' : page.slice(i - 120, i + 120), r.name).toBe('');
      expect(page.includes(REPO), r.name).toBe(false);
    }
    const md = readFileSync(at(join(PATHS.reports, REPORT_FILES.promotionReport)), 'utf8');
    expect(quoted(md)).not.toContain(root);
  });

  it('the pages show what the artifacts hold (checklist verdict, metrics, signal analysis)', () => {
    const html = (n: string) => readFileSync(at(join(PATHS.reports, REPORT_FILES.html(n))), 'utf8');
    const checklist = JSON.parse(
      readFileSync(at(join(PATHS.validation, 'promotion_checklist.json')), 'utf8'),
    );
    expect(html('03_promotion_report')).toContain(`Recommendation: ${checklist.recommendation}`);
    const stats = JSON.parse(readFileSync(at(join(PATHS.teacher, 'dataset_stats.json')), 'utf8'));
    expect(html('01_explore_data')).toContain(`${stats.total_samples} labelled rows`);
    const student = JSON.parse(readFileSync(at(join(PATHS.student, 'evaluation_metrics.json')), 'utf8'));
    // The notebook's student accuracy (compiled scorer) is the one the student stage wrote.
    expect(html('02_student_evaluation')).toContain(
      `${Number(student.test_metrics.accuracy.toPrecision(4))}</td>`,
    );
    expect(html('02_student_evaluation')).toContain('rank IC mean');
  });

  it('each report renders in headless Chromium: every plot drawn, no page error, no network request', () => {
    const all = [...runs, ...experiments];
    checks.forEach((c, i) => {
      expect(c.pageErrors, all[i].name).toEqual([]);
      expect(c.consoleErrors, all[i].name).toEqual([]);
      expect(c.externalRequests, all[i].name).toEqual([]);
      expect(c.plots, all[i].name).toBe(all[i].figures);
    });
    for (const n of REPORT_NOTEBOOKS) expect(existsSync(shots(n))).toBe(true);
  });

  it('04 tables this repository’s DVC experiments', () => {
    const html = readFileSync(experiments[0].html, 'utf8');
    expect(html).toMatch(/\d+ rows \(workspace, commits, experiments\)/);
    expect(html).toContain('<td>workspace</td>');
  });

  it('a failing cell fails the run naming the notebook and the cell, and keeps the previous pages', async () => {
    // Beside notebooks/ so that `../dist` resolves as in the real ones (removed afterwards; git-ignored).
    const nbDir = mkdtempSync(join(REPO, '.test-notebooks-'));
    try {
      cpSync(join(REPO, PATHS.notebooks, 'templates'), join(nbDir, 'templates'), { recursive: true });
      const cell = (id: string, source: string) => ({
        cell_type: 'code',
        id,
        metadata: {},
        outputs: [],
        execution_count: null,
        source,
      });
      const notebook = (name: string, cells: object[]) =>
        writeFileSync(
          join(nbDir, `${name}.ipynb`),
          JSON.stringify({
            nbformat: 4,
            nbformat_minor: 5,
            metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
            cells: [{ cell_type: 'markdown', id: 'title', metadata: {}, source: '# broken' }, ...cells],
          }),
        );
      notebook('runtime', [
        cell('setup', 'const limit: number = 1;'),
        cell('broken', "if (limit === 1) throw new Error('boom: over the limit');"),
      ]);
      // The library's types reach the cell: a wrong type is a compile error naming the cell.
      notebook('typed', [
        cell('setup', "import { reportContext } from '../dist/src/report/index.js';"),
        cell('mistyped', 'const seed: string = reportContext().params.base.seed;'),
      ]);
      const out = at('bad-run');
      mkdirSync(out);
      writeFileSync(join(out, 'runtime.html'), 'previous');
      const err = await runNotebooks({
        notebooksDir: nbDir,
        names: ['runtime', 'typed'],
        outDir: out,
        projectDir: REPO,
      }).catch((e) => e);
      expect(err).toBeInstanceOf(ReportError);
      const [runtime, typed] = (err as ReportError).issues;
      expect(resolve(runtime.file as string)).toBe(join(nbDir, 'runtime.ipynb'));
      expect(runtime.path).toBe(
        "cell 3 (id broken) `if (limit === 1) throw new Error('boom: over the limit');`",
      );
      expect(runtime.message).toBe('Error: boom: over the limit');
      expect(resolve(typed.file as string)).toBe(join(nbDir, 'typed.ipynb'));
      expect(typed.path).toBe(
        'cell 3 (id mistyped) `const seed: string = reportContext().params.base.seed;`',
      );
      expect(typed.message).toMatch(/Type 'number' is not assignable to type 'string'/);
      expect(readFileSync(join(out, 'runtime.html'), 'utf8')).toBe('previous');
      expect(readdirSync(out)).toEqual(['runtime.html']);
    } finally {
      rmSync(nbDir, { recursive: true, force: true });
    }
  });
});
