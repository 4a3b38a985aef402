import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TrainingFeed } from '../batch/index.js';
import { ConfigError } from '../core/index.js';
import { ENGINE_FILES, REGISTRY_FILES } from '../pipeline/index.js';
import { DASHBOARD_HTML } from './dashboard-page.js';
import { engineOverview } from './engine-overview.js';

/** Options of the dashboard server. */
export interface DashboardOptions {
  stateDir: string;
  registryRoot: string;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /**
   * Training telemetry directory of walk-forward batches: its newest `training_run_*.jsonl` feeds the
   * training-progress view while a batch runs. Omitted or null: no view.
   */
  telemetryDir?: string | null;
  /** How often the state files are checked for changes, in ms (default 250). */
  pollMs?: number;
}

/** A running dashboard. */
export interface Dashboard {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Signature of the files the page shows: changes when any of them is rewritten or appended to. */
function signature(stateDir: string, root: string): string {
  const files = [
    join(stateDir, ENGINE_FILES.status),
    join(stateDir, ENGINE_FILES.metrics),
    join(stateDir, ENGINE_FILES.alerts),
    join(root, REGISTRY_FILES.audit),
  ];
  return files
    .map((f) => {
      try {
        const st = statSync(f);
        return `${st.mtimeMs}:${st.size}`;
      } catch {
        return '-';
      }
    })
    .join('|');
}

/**
 * Serves the student model status page on loopback: `/` (the page), `/plotly.min.js` (from
 * node_modules, so the page needs no network), `/api/state` (the overview as JSON) and `/events`
 * (server-sent events: the overview now and after every change of the engine's state files, so the page
 * follows a running replay live, and, with `telemetryDir`, the training progress of a running batch as
 * its telemetry grows). Requests naming another Host are refused (DNS rebinding).
 */
export async function startDashboard(opts: DashboardOptions): Promise<Dashboard> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new ConfigError('the dashboard listens on loopback only', [
      {
        path: '--host',
        value: host,
        message: 'not a loopback address',
        fix: 'use 127.0.0.1, ::1 or localhost',
      },
    ]);
  }
  const plotly = readFileSync(createRequire(import.meta.url).resolve('plotly.js-dist-min'));
  const feed = opts.telemetryDir ? new TrainingFeed(opts.telemetryDir) : null;
  feed?.poll();
  const state = () =>
    JSON.stringify({
      ...engineOverview(opts.stateDir, opts.registryRoot),
      training: feed?.view() ?? null,
    });
  const clients = new Set<ServerResponse>();
  const sig = () => `${signature(opts.stateDir, opts.registryRoot)}|${feed?.version ?? 0}`;
  let last = sig();
  const poll = setInterval(() => {
    feed?.poll();
    const now = sig();
    if (now === last || clients.size === 0) {
      last = now;
      return;
    }
    last = now;
    const msg = `event: state\ndata: ${state()}\n\n`;
    for (const c of clients) c.write(msg);
  }, opts.pollMs ?? 250);
  const keepAlive = setInterval(() => {
    for (const c of clients) c.write(': keep-alive\n\n');
  }, 15_000);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (!LOOPBACK.has(hostHeader)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('loopback only\n');
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (req.method !== 'GET') {
      res.writeHead(405, headers).end();
    } else if (path === '/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(DASHBOARD_HTML);
    } else if (path === '/plotly.min.js') {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(plotly);
    } else if (path === '/favicon.ico') {
      res.writeHead(204, headers).end(); // none: keeps the browser's console free of a 404
    } else if (path === '/api/state') {
      feed?.poll();
      res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(state());
    } else if (path === '/events') {
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(`retry: 1000\nevent: state\ndata: ${state()}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(poll);
        clearInterval(keepAlive);
        for (const c of clients) c.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
