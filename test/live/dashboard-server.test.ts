import { request } from 'node:http';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { telemetryWriter } from '../../src/batch/index.js';
import { ConfigError } from '../../src/core/index.js';
import { type Dashboard, EngineStateWriter, startDashboard } from '../../src/live/index.js';

const dirs = () => {
  const root = mkdtempSync(join(tmpdir(), 'sq-dash-'));
  return { state: join(root, 'live'), registry: join(root, 'models'), telemetry: join(root, 'training') };
};

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** Reads server-sent `state` events until `count` have arrived. */
function events(url: string, count: number, onOpen: () => void): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const got: Record<string, unknown>[] = [];
    const req = request(url, (res) => {
      let buf = '';
      res.on('data', (c) => {
        buf += c;
        let k = buf.indexOf('\n\n');
        while (k >= 0) {
          const block = buf.slice(0, k);
          buf = buf.slice(k + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: state') && data) {
            got.push(JSON.parse(data.slice(6)));
            if (got.length === 1) onOpen();
            if (got.length === count) {
              req.destroy();
              resolve(got);
            }
          }
          k = buf.indexOf('\n\n');
        }
      });
    });
    req.on('error', (e) => (got.length === count ? undefined : reject(e)));
    req.end();
  });
}

describe('dashboard server', () => {
  let d: Dashboard | null = null;
  afterEach(async () => {
    await d?.close();
    d = null;
  });

  it('listens on loopback only and refuses requests for another host name', async () => {
    const { state, registry } = dirs();
    await expect(
      startDashboard({ stateDir: state, registryRoot: registry, host: '0.0.0.0' }),
    ).rejects.toThrow(ConfigError);
    d = await startDashboard({ stateDir: state, registryRoot: registry });
    expect(d.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await get(d.url, { host: 'evil.example:80' })).status).toBe(403);
    const page = await get(d.url);
    expect([page.status, page.type]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body).toContain('<script src="/plotly.min.js"></script>');
    expect(page.body).not.toMatch(/https?:\/\//); // no external resource
    const plotly = await get(`${d.url}plotly.min.js`);
    expect(plotly.status).toBe(200);
    expect(plotly.body.slice(0, 4000)).toMatch(/plotly\.js v\d+/);
    expect((await get(`${d.url}nope`)).status).toBe(404);
  });

  it('serves the overview and pushes it again when the engine state changes', async () => {
    const { state, registry } = dirs();
    const w = new EngineStateWriter(state);
    w.startSession();
    d = await startDashboard({ stateDir: state, registryRoot: registry, pollMs: 20 });
    const before = JSON.parse((await get(`${d.url}api/state`)).body);
    expect(before).toMatchObject({ status: null, metricsPoints: 0, production: null, lastRollback: null });
    const got = await events(`${d.url}events`, 2, () => {
      w.appendMetrics({
        time: '2024-09-02T18:30:00.000Z',
        precision: 0.61,
        hit_ratio: 0.55,
        precision_samples: 40,
        hit_samples: 80,
        model_version: 'v2',
      });
      w.appendAlert({
        type: 'student_model_degradation',
        time: '2024-09-02T18:30:00.000Z',
        model_version: 'v2',
        message: 'm',
      });
    });
    expect(got[0].metricsPoints).toBe(0);
    expect(got[1]).toMatchObject({ metricsPoints: 1, alertsTotal: 1 });
    const fig = got[1].figure as { data: { name: string; y: number[] }[] };
    expect(fig.data.map((t) => t.name)).toEqual(['rolling precision (LONG)', 'rolling hit ratio']);
    expect(fig.data[0].y).toEqual([0.61]);
  });

  it('pushes the training progress of a batch as its telemetry grows, and names a bad line by file:line', async () => {
    const { state, registry, telemetry } = dirs();
    d = await startDashboard({
      stateDir: state,
      registryRoot: registry,
      telemetryDir: telemetry,
      pollMs: 20,
    });
    const before = JSON.parse((await get(`${d.url}api/state`)).body);
    expect(before.training).toMatchObject({ dir: telemetry, file: null, status: 'not_started' });
    const w = telemetryWriter(telemetry, 'nightly');
    const got = await events(`${d.url}events`, 2, () => {
      w.emit({ event_type: 'run_start', status: 'in_progress' });
      w.emit({ event_type: 'phase_start', phase: 'teacher_training', status: 'in_progress' });
      w.emit({
        event_type: 'teacher_window_success',
        phase: 'teacher_training',
        symbol: 'TCS',
        window_label: 'TCS_2023-01-01_to_2023-06-30',
        status: 'success',
        metrics: { accuracy: 0.625 },
        progress: { done: 1, total: 4, success: 1, skipped: 0, failed: 0 },
      });
    });
    expect(got[0].training).toMatchObject({ file: null });
    expect(got[1].training).toMatchObject({
      file: join(telemetry, 'training_run_nightly.jsonl'),
      runId: 'nightly',
      status: 'in_progress',
      currentPhase: 'teacher_training',
      windows: { done: 1, total: 4, success: 1, skipped: 0, failed: 0 },
      recent: [{ symbol: 'TCS', window_label: 'TCS_2023-01-01_to_2023-06-30', metrics: { accuracy: 0.625 } }],
      issues: [],
    });
    appendFileSync(join(telemetry, 'training_run_nightly.jsonl'), '{"seq": 3}\n{"torn');
    const after = JSON.parse((await get(`${d.url}api/state`)).body);
    expect(after.training.issues.map((i: { path: string }) => i.path)).toEqual([
      `${join(telemetry, 'training_run_nightly.jsonl')}:4`,
    ]);
    expect(after.training.windows.done).toBe(1);
  });
});
