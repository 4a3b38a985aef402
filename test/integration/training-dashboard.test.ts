import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTelemetry, trainingProgress } from '../../src/batch/index.js';
import { batchProject, startCli, until } from '../cli/batch-process.js';
import { launchChromium } from './browser.js';
import { tempDir } from './helpers.js';

/** Two symbols × two 180-day windows (2023-01-01 … 2024-01-31, a step of 200 days), light models. */
const PARAMS = `data:
  symbols: [TCS, ITC]
  start: "2023-01-01"
  end: "2024-01-31"
  quality:
    single_class_split: warn
teacher:
  oof_folds: 2
  gbdt:
    num_rounds: 20
    early_stopping_rounds: 5
    min_data_in_leaf: 10
student:
  nn:
    epochs: 3
validation:
  bootstrap_samples: 100
batch:
  window_days: 180
  step_days: 200
`;

const text = (page: { textContent(s: string): Promise<string | null> }, sel: string) =>
  page.textContent(sel).then((t) => t ?? '');

describe('engine dashboard: training progress of a running batch', () => {
  it('follows a real batch in headless Chromium, from its first window to its end', async () => {
    const cwd = batchProject(PARAMS, 'sq-train-dash-');
    const tel = join(cwd, 'tel');
    const file = join(tel, 'training_run_e2e.jsonl');
    const dash = startCli(['engine', 'dashboard', '--port', '0', '--telemetry-dir', 'tel'], cwd);
    let batch: ReturnType<typeof startCli> | null = null;
    const browser = await launchChromium(tempDir('sq-chromium-'));
    try {
      let out = '';
      dash.child.stdout?.on('data', (d) => {
        out += d;
      });
      await until(() => /dashboard: (http:\S+)/.test(out), 120_000);
      const url = (/dashboard: (http:\S+)/.exec(out) as RegExpExecArray)[1];
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(url);
      await page.waitForFunction("document.body.dataset.updates >= '1'", undefined, { timeout: 60_000 });
      expect(await page.isVisible('#training-empty')).toBe(true); // no telemetry yet
      expect(await page.getAttribute('#training', 'data-status')).toBe('none');

      batch = startCli(
        [
          'run-historical-training',
          '--workers',
          '1',
          '--telemetry-dir',
          'tel',
          '--batch-dir',
          'batch',
          '--run-id',
          'e2e',
        ],
        cwd,
      );
      // Freeze the batch right after its first finished window, so the page is checked mid-run.
      const pid = batch.child.pid as number;
      await until(() => {
        try {
          return readFileSync(file, 'utf8').includes('"teacher_window_');
        } catch {
          return false;
        }
      }, 180_000);
      process.kill(pid, 'SIGSTOP');
      try {
        const { events, badLines } = readTelemetry(file);
        expect(badLines).toEqual([]);
        const mid = trainingProgress(events);
        expect(mid.status).toBe('in_progress');
        const done = mid.windows?.done as number;
        expect(done).toBeGreaterThanOrEqual(1);
        await page.waitForFunction(
          `document.getElementById('training').dataset.done === '${done}'`,
          undefined,
          { timeout: 60_000 },
        );
        expect(await page.getAttribute('#training', 'data-status')).toBe('in_progress');
        expect(await page.getAttribute('#training', 'data-total')).toBe('4');
        expect(await text(page, '#training-run')).toBe('e2e');
        expect(await text(page, '#training-phase')).toBe('teacher_training');
        expect(await text(page, '#training-windows')).toMatch(
          new RegExp(`^${done} / 4 \\(teacher_training: `),
        );
        // The phases so far: ingestion finished with its seconds, teacher training still running.
        const phaseRows = await page.$$eval('#training-phases tbody tr', (rows) =>
          rows.map((r) =>
            [...(r as unknown as { cells: { textContent: string }[] }).cells].map((c) => c.textContent),
          ),
        );
        expect(phaseRows.map((r) => r.slice(0, 2))).toEqual([
          ['data_ingestion', 'success'],
          ['teacher_training', 'in_progress'],
        ]);
        expect(phaseRows[0][2]).toMatch(/^\d+\.\d\d$/);
        const newest = events.filter((e) => e.window_label !== null).at(-1);
        const row = await text(page, '#training-recent tbody tr');
        expect(row).toContain(newest?.window_label as string);
        expect(row).toContain('accuracy 0.');
      } finally {
        process.kill(pid, 'SIGCONT');
      }

      const r = await batch.done;
      expect(r.code, r.stderr.slice(-2000)).toBe(0);
      await page.waitForFunction(
        "document.getElementById('training').dataset.status === 'success'",
        undefined,
        { timeout: 60_000 },
      );
      expect(await text(page, '#training-windows')).toBe(
        '4 / 4 (model_validation: 4 success, 0 skipped, 0 failed)',
      );
      const phases = await page.$$eval('#training-phases tbody tr', (rows) =>
        rows.map((x) => (x as unknown as { dataset: { phase: string } }).dataset.phase),
      );
      expect(phases).toEqual([
        'data_ingestion',
        'teacher_training',
        'student_training',
        'model_validation',
        'statistical_tests',
        'release_audit',
        'promotion_briefing',
      ]);
      // The latest window results: the four validated windows, newest first.
      const recent = await page.$$eval('#training-recent tbody tr', (rows) =>
        rows.map((x) => (x as unknown as { dataset: { window: string } }).dataset.window),
      );
      expect(recent.slice(0, 4).sort()).toEqual([
        'ITC_2023-01-01_to_2023-06-30',
        'ITC_2023-07-20_to_2024-01-16',
        'TCS_2023-01-01_to_2023-06-30',
        'TCS_2023-07-20_to_2024-01-16',
      ]);
      expect(await page.isVisible('#training-issues li')).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      if (batch && batch.child.exitCode === null) batch.child.kill('SIGKILL');
      await browser.close();
      dash.child.kill('SIGTERM');
    }
    const d = await dash.done;
    expect([d.code, d.signal]).toEqual([0, null]);
    expect(d.stderr).not.toMatch(/\n\s{4}at /);
  }, 600_000);
});
