/**
 * The one logger of the project. Writes to stderr (stdout is reserved for command output):
 * structured JSON lines when stderr is not a TTY, short human lines when it is.
 * Level `info` until set: entry points apply SENSEQUANT_LOG_LEVEL through `applySettings()` (src/config).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose every record carries `bindings`. */
  child(bindings: LogFields): Logger;
}

/** Where log records go; replaceable in tests. */
export interface LogSink {
  write(line: string): void;
  isTTY: boolean;
}

const stderrSink: LogSink = {
  write: (line) => process.stderr.write(line),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

let level: LogLevel = 'info';

/** Sets the process-wide log level (entry points call it with the validated setting). */
export function setLogLevel(next: LogLevel): void {
  level = next;
}

/** The process-wide log level in force. */
export function logLevel(): LogLevel {
  return level;
}

function currentLevel(): LogLevel {
  return level;
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Creates a logger bound to `bindings`, writing to `sink` (stderr by default). */
export function createLogger(bindings: LogFields = {}, sink: LogSink = stderrSink): Logger {
  const emit = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields): void => {
    if (ORDER[level] < ORDER[currentLevel()]) return;
    const record = { ...bindings, ...fields };
    if (sink.isTTY) {
      const extra = Object.keys(record).length > 0 ? ` ${JSON.stringify(record, replacer)}` : '';
      sink.write(`${level.padEnd(5)} ${msg}${extra}\n`);
    } else {
      sink.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...record }, replacer)}\n`);
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (b) => createLogger({ ...bindings, ...b }, sink),
  };
}

/** Process-wide logger. */
export const logger: Logger = createLogger();
