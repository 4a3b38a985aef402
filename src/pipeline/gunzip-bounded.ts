import { gunzipSync } from 'node:zlib';
import { ArtifactError } from '../core/index.js';

const ZLIB_MESSAGES: Record<string, string> = {
  Z_DATA_ERROR: 'corrupt gzip data',
  Z_BUF_ERROR: 'truncated gzip data (unexpected end of file)',
  ERR_BUFFER_TOO_LARGE: 'decompresses past the size limit',
};

/**
 * Gunzips `data` read from `path`, refusing output above `maxBytes` (a gzip bomb stops at the limit
 * instead of exhausting memory). A file that is not gzip, a corrupt or truncated stream, and one that
 * inflates past the limit are each an ArtifactError naming the file.
 */
export function gunzipBounded(data: Uint8Array, path: string, maxBytes: number, fix: string): Buffer {
  if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) {
    throw new ArtifactError(`${path} is not a gzip file`, [
      { path, file: path, message: 'no gzip header (the name ends in .gz but the bytes are not gzip)', fix },
    ]);
  }
  try {
    return gunzipSync(data, { maxOutputLength: maxBytes });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const message =
      code === 'ERR_BUFFER_TOO_LARGE'
        ? `decompresses to more than ${maxBytes} bytes (a gzip bomb or the wrong file)`
        : (ZLIB_MESSAGES[code] ?? `cannot decompress (${code || 'zlib error'})`);
    throw new ArtifactError(`cannot decompress ${path}`, [{ path, file: path, message, fix }]);
  }
}
