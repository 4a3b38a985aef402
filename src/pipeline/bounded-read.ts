import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { ArtifactError, clip, type Issue, type SenseQuantError } from '../core/index.js';

const MiB = 1024 * 1024;

/**
 * Largest file each reader accepts, checked with fstat before a byte is read (a file that grows while
 * it is read is cut off at the limit and refused too). Each is far above what the project writes — the
 * default pipeline's largest model is ~1 MB — and far below what would exhaust memory.
 */
export const READ_LIMITS = {
  /** params.yaml (the default is ~5 KB; a long `data.csv_paths` list stays well under this). */
  params: 1 * MiB,
  /** teacher_model.json / student_model.json. */
  model: 256 * MiB,
  /** scorer.json (a GBDT scorer is about the size of its model). */
  scorer: 256 * MiB,
  /** metadata.json, validation_metadata.json, registry_entry.json and the other JSON reports. */
  metadata: 16 * MiB,
  /** promotion_checklist.json. */
  checklist: 4 * MiB,
  /** MANIFEST.sha256 (one line per file of a version). */
  manifest: 1 * MiB,
  /** training_pipeline.json (the run log). */
  runLog: 64 * MiB,
  /** A columns CSV (labels.csv.gz, features, raw bars), compressed or not, and its gunzipped text. */
  columnsCsv: 512 * MiB,
} as const;

/** What a bounded read reports in its errors. */
export interface BoundedReadOptions {
  /** Largest accepted size in bytes (use a READ_LIMITS entry). */
  maxBytes: number;
  /** What the file is, for messages: "params file", "teacher model"… */
  what: string;
  /** How to fix a missing or invalid file (the default points at re-running what wrote it). */
  fix?: string;
  /** Error class thrown (default ArtifactError, exit 1; params use ConfigError, exit 3). */
  error?: new (
    message: string,
    issues?: Issue[],
  ) => SenseQuantError;
  /** Refuse a symbolic link instead of following it (registry manifests). */
  noFollow?: boolean;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const OPEN_MESSAGES: Record<string, string> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'is a symbolic link (or a loop of them), not a plain file',
  ENOTDIR: 'a parent of this path is not a directory',
  ENAMETOOLONG: 'path too long',
  EISDIR: 'is a directory, not a file',
  ENXIO: 'is a socket or a device with nothing behind it, not a regular file',
};

/** Opens `path` for reading, refusing anything but a regular file of at most `maxBytes` bytes. */
function openRegular(path: string, o: BoundedReadOptions): { fd: number; size: number } {
  const Err = o.error ?? ArtifactError;
  const fix = o.fix ?? `pass the path of a ${o.what}`;
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (o.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new Err(`cannot read ${o.what} ${path}`, [
      {
        code: code === 'ENOENT' ? 'file.missing' : 'file.unreadable',
        path,
        file: path,
        message: OPEN_MESSAGES[code] ?? `cannot open (${code || String(e)})`,
        fix,
      },
    ]);
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new Err(`${o.what} ${path} is not a regular file`, [
      {
        code: 'file.not_regular',
        path,
        file: path,
        message: `is ${kindOf(st)}; expected a regular file`,
        fix,
      },
    ]);
  }
  if (st.size > o.maxBytes) {
    closeSync(fd);
    throw tooLarge(path, o, st.size);
  }
  return { fd, size: st.size };
}

function tooLarge(path: string, o: BoundedReadOptions, size: number | undefined): SenseQuantError {
  const Err = o.error ?? ArtifactError;
  return new Err(`${o.what} ${path} is too large`, [
    {
      code: 'file.too_large',
      path,
      file: path,
      message: `${size === undefined ? 'more than' : `${size} bytes, over`} the limit of ${o.maxBytes} bytes for a ${o.what}`,
      fix: `check that this is the right file (the limit protects memory); ${o.fix ?? 'regenerate it'}`,
    },
  ]);
}

/**
 * Reads a whole regular file of at most `maxBytes` bytes. A missing file, a directory, FIFO, device or
 * socket where a file is expected, or a file above the limit is an error naming the path (ArtifactError
 * unless `error` says otherwise), raised before any content is read.
 * @example readFileBounded('params.yaml', { maxBytes: READ_LIMITS.params, what: 'params file', error: ConfigError })
 */
export function readFileBounded(path: string, o: BoundedReadOptions): Buffer {
  const { fd, size } = openRegular(path, o);
  try {
    // Read to EOF rather than trusting st.size (procfs reports 0; a file may grow), never past the limit.
    let buf = Buffer.allocUnsafe(Math.min(size, o.maxBytes) + 1);
    let off = 0;
    for (;;) {
      if (off === buf.length) {
        if (buf.length > o.maxBytes) throw tooLarge(path, o, undefined);
        const next = Buffer.allocUnsafe(Math.min(buf.length * 2, o.maxBytes + 1));
        buf.copy(next, 0, 0, off);
        buf = next;
      }
      const n = readSync(fd, buf, off, buf.length - off, null);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/** readFileBounded decoded as UTF-8. */
export function readTextBounded(path: string, o: BoundedReadOptions): string {
  return readFileBounded(path, o).toString('utf8');
}

/** Reads and parses a JSON file of at most `maxBytes`; a syntax error names the file and the fix. */
export function readJsonBounded(path: string, o: BoundedReadOptions): unknown {
  return parseJsonBytes(readFileBounded(path, o), path, o);
}

/** Parses bytes read from `path` (e.g. after checking their sha256) as JSON; errors name the file. */
export function parseJsonBytes(
  bytes: Uint8Array,
  path: string,
  o: Omit<BoundedReadOptions, 'maxBytes'>,
): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (e) {
    const Err = o.error ?? ArtifactError;
    throw new Err(`${o.what} ${path} is not valid JSON`, [
      {
        path,
        file: path,
        message: clip(e instanceof Error ? e.message : String(e)),
        fix: o.fix ?? 'regenerate it',
      },
    ]);
  }
}
