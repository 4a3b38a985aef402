import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { settings } from '../config/index.js';
import { REGISTRY_FILES } from '../pipeline/index.js';
import { readRegularFile, REGISTRY_LIMITS } from './bounded-read.js';

/** Detached HMAC-SHA256 of MANIFEST.sha256, written when SENSEQUANT_REGISTRY_HMAC_KEY is set. */
export const SIGNATURE_FILE = REGISTRY_FILES.signature;

/** Hex HMAC-SHA256 of the manifest bytes under `key`. */
export function manifestSignature(manifest: string | Buffer, key: string): string {
  return createHmac('sha256', key).update(manifest).digest('hex');
}

/** The signing key in force (SENSEQUANT_REGISTRY_HMAC_KEY), or undefined. */
export function signingKey(): string | undefined {
  return settings().registryHmacKey;
}

/**
 * With a key set, a version must carry a signature that matches its manifest: someone who rewrites the
 * files, the manifest and every recorded hash still cannot forge it. Returns the problem, or null.
 */
export function verifySignature(dir: string, key: string | undefined = signingKey()): string | null {
  if (key === undefined) return null;
  const manifest = readRegularFile(join(dir, REGISTRY_FILES.manifest), REGISTRY_LIMITS.manifestBytes);
  if (!manifest.ok) return null; // reported by the manifest check
  const sig = readRegularFile(join(dir, SIGNATURE_FILE), 1024);
  if (!sig.ok)
    return `${SIGNATURE_FILE}: missing (SENSEQUANT_REGISTRY_HMAC_KEY is set, so every version must be signed)`;
  const expected = Buffer.from(manifestSignature(manifest.bytes, key), 'utf8');
  const got = Buffer.from(sig.bytes.toString('utf8').trim(), 'utf8');
  if (got.length !== expected.length || !timingSafeEqual(got, expected))
    return `${SIGNATURE_FILE}: does not match the manifest (files or manifest rewritten, or another key)`;
  return null;
}
