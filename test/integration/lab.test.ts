import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';

// Slow: `npm run lab`'s script serves JupyterLab from .venv; the tslab kernel starts from its kernel spec
// with node_modules/.bin off PATH.
const TOKEN = 'sq-lab-test';
const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });

/** Connects to a running kernel by id (its connection file in the Jupyter runtime dir) and prints a cell's result. */
const EXECUTE = `
import os, sys, time
from queue import Empty
from jupyter_client import BlockingKernelClient
from jupyter_core.paths import jupyter_runtime_dir
kc = BlockingKernelClient(connection_file=os.path.join(jupyter_runtime_dir(), f"kernel-{sys.argv[1]}.json"))
kc.load_connection_file()
kc.start_channels()
# kernel_info until the kernel answers on shell AND its iopub messages arrive: ZMQ subscriptions connect
# asynchronously, and an execute sent before iopub is connected loses its output (the test then waited
# for it until its timeout on a loaded machine). Like jupyter_client's wait_for_ready, without its
# heartbeat check, which reports a slow-starting kernel as dead.
deadline = time.time() + 240
while True:
    kc.kernel_info()
    try:
        reply = kc.get_shell_msg(timeout=5)
    except Empty:
        reply = None
    if reply is not None and reply["msg_type"] == "kernel_info_reply":
        try:
            kc.get_iopub_msg(timeout=1)
            break
        except Empty:
            pass
    if time.time() > deadline:
        raise RuntimeError("the kernel did not answer on shell and iopub in 240 s")
while True:
    try:
        kc.get_iopub_msg(timeout=0.2)
    except Empty:
        break
msg_id = kc.execute(sys.argv[2])
while True:
    msg = kc.get_iopub_msg(timeout=120)
    if msg["parent_header"].get("msg_id") != msg_id:
        continue
    if msg["msg_type"] in ("execute_result", "display_data"):
        print(msg["content"]["data"]["text/plain"])
    elif msg["msg_type"] == "stream":
        print(msg["content"]["text"], end="")
    elif msg["msg_type"] == "error":
        print(msg["content"]["ename"], msg["content"]["evalue"], file=sys.stderr)
    elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
        break
kc.stop_channels()
`;

let lab: ChildProcess | undefined;
afterAll(() => {
  if (lab?.pid && lab.exitCode === null) lab.kill('SIGTERM');
});

describe('npm run lab [slow]', () => {
  it('serves the notebooks and starts the tslab kernel without node_modules/.bin on PATH', async () => {
    const port = await freePort();
    const PATH = (process.env.PATH ?? '')
      .split(':')
      .filter((d) => !d.includes('node_modules'))
      .join(':');
    lab = spawn(
      'bash',
      ['scripts/lab.sh', '--no-browser', `--port=${port}`, `--IdentityProvider.token=${TOKEN}`],
      {
        env: { ...process.env, PATH },
        stdio: ['ignore', 'ignore', process.env.SQ_LAB_DEBUG ? 'inherit' : 'ignore'],
      },
    );
    const api = async (path: string, init: RequestInit = {}) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        ...init,
        headers: { Authorization: `token ${TOKEN}`, 'Content-Type': 'application/json' },
      });
    const until = async <T>(f: () => Promise<T | undefined>, ms: number): Promise<T> => {
      const end = Date.now() + ms;
      for (;;) {
        const v = await f().catch(() => undefined);
        if (v !== undefined) return v;
        if (Date.now() > end) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const specs = await until(async () => {
      const r = await api('/api/kernelspecs');
      return r.ok ? ((await r.json()) as { kernelspecs: Record<string, unknown> }) : undefined;
    }, 60_000);
    expect(Object.keys(specs.kernelspecs)).toContain('tslab');
    expect((await api('/lab/tree/notebooks/02_student_evaluation.ipynb')).status).toBe(200);
    const kernel = (await (
      await api('/api/kernels', { method: 'POST', body: JSON.stringify({ name: 'tslab' }) })
    ).json()) as {
      id: string;
    };
    // Talk to the kernel JupyterLab started (its connection file) and run a typed cell in it.
    const r = spawnSync(
      '.venv/bin/python',
      ['-c', EXECUTE, kernel.id, 'const answer: number = 20 + 22; answer'],
      {
        encoding: 'utf8',
        timeout: 400_000,
      },
    );
    expect(r.stdout.trim(), r.stderr).toBe('42');
    await api(`/api/kernels/${kernel.id}`, { method: 'DELETE' });
  }, 480_000);
});
