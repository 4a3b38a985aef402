import { ConfigError } from '../core/index.js';

/** The parts of an ioredis client the batch uses (BullMQ takes the instance as its connection). */
export interface RedisClient {
  connect(): Promise<void>;
  quit(): Promise<unknown>;
  disconnect(): void;
  on(event: 'error', fn: (e: Error) => void): unknown;
}

/** BullMQ's queue of batch windows (one for every batch; job ids carry the run). */
export const QUEUE_NAME = 'sensequant-batch';

// Loaded by name at run time: only queue mode needs the Redis client.
const IOREDIS = 'ioredis';

/**
 * Connects to `redis://HOST:PORT[/DB]` with ioredis (as BullMQ requires: no per-request retry limit). An
 * unreachable server is a ConfigError naming the URL, after a few seconds of retries rather than forever.
 */
export async function connectRedis(url: string, what = '--queue'): Promise<RedisClient> {
  let Redis: new (url: string, opts: Record<string, unknown>) => RedisClient;
  try {
    const mod = (await import(IOREDIS)) as { default: typeof Redis };
    Redis = mod.default;
  } catch {
    throw new ConfigError('queue mode needs the ioredis package', [
      {
        path: what,
        value: url,
        message: 'ioredis is not installed',
        fix: 'npm install (ioredis is a dependency of sensequant)',
      },
    ]);
  }
  const client = new Redis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    retryStrategy: (times: number) => (times > 40 ? null : 250),
  });
  let lastError: Error | undefined;
  client.on('error', (e) => {
    lastError = e;
  });
  try {
    await client.connect();
  } catch (e) {
    client.disconnect();
    throw new ConfigError(`cannot reach Redis at ${url}`, [
      {
        path: what,
        value: url,
        message: String(lastError ?? e).split('\n')[0],
        fix: 'start redis-server (or point --queue at a running one): redis://HOST:PORT',
      },
    ]);
  }
  return client;
}
