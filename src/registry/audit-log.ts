import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ensureDir, fsyncDir } from '../pipeline/index.js';
import { AUDIT_FILE } from './layout.js';
import type { AuditEntry } from './types.js';

const nullableString = z.string().nullable();

const auditEntrySchema = z.looseObject({
  when: z.string(),
  action: z.enum(['promote', 'promote-refused', 'rollback', 'recover', 'unlock', 'approve-candidate']),
  from: nullableString,
  to: nullableString,
  reason: nullableString,
  forced: z.boolean(),
  actor: z.string(),
  checksums: z.object({ model_sha256_from: nullableString, model_sha256_to: nullableString }),
  candidate: z.string().optional(),
});

/** Actions that change what production points to. */
export const SWITCH_ACTIONS: readonly string[] = ['promote', 'rollback', 'recover'];

/** Appends one JSON line to `<root>/audit.jsonl` (O_APPEND + fsync) and returns it. */
export function appendAudit(root: string, entry: Omit<AuditEntry, 'when'>): AuditEntry {
  ensureDir(root, 'registry root');
  const path = join(root, AUDIT_FILE);
  const isNew = !existsSync(path);
  const full: AuditEntry = { when: new Date().toISOString(), ...entry };
  const fd = openSync(path, 'a+');
  try {
    // A crash mid-append can leave a torn last line; start on a fresh line so ours stays parseable.
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const sep = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a ? '\n' : '';
    writeSync(fd, `${sep}${JSON.stringify(full)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (isNew) fsyncDir(root);
  return full;
}

/** Parsed audit log: entries in order and 1-based numbers of lines that did not parse. */
export interface AuditLog {
  entries: AuditEntry[];
  badLines: number[];
}

/** Reads `<root>/audit.jsonl`, skipping (and reporting) unparseable lines. */
export function readAudit(root: string): AuditLog {
  const path = join(root, AUDIT_FILE);
  if (!existsSync(path)) return { entries: [], badLines: [] };
  const entries: AuditEntry[] = [];
  const badLines: number[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const r = auditEntrySchema.safeParse(JSON.parse(line));
        if (r.success) entries.push(r.data as AuditEntry);
        else badLines.push(i + 1);
      } catch {
        badLines.push(i + 1);
      }
    });
  return { entries, badLines };
}

/** Version production had according to the audit log (last switch entry's `to`), or null. */
export function auditedProduction(entries: AuditEntry[]): string | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (SWITCH_ACTIONS.includes(entries[i].action)) return entries[i].to;
  }
  return null;
}
