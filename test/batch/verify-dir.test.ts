import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyStageDir } from '../../src/batch/index.js';
import { sha256 } from '../../src/pipeline/index.js';

const root = mkdtempSync(join(tmpdir(), 'sq-verify-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A stage dir whose metadata records `files` (and one input) by sha256, keys relative to the cwd. */
function stageDir(name: string, files: Record<string, string>, configHash = 'abcd1234'): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const input = join(root, `${name}.input`);
  writeFileSync(input, 'bars');
  const outputs: Record<string, string> = {};
  for (const [f, text] of Object.entries(files)) {
    writeFileSync(join(dir, f), text);
    outputs[relative(process.cwd(), join(dir, f))] = sha256(text);
  }
  const inputs = { [relative(process.cwd(), input)]: sha256('bars') };
  writeFileSync(
    join(dir, 'metadata.json'),
    JSON.stringify({ provenance: { config_hash: configHash, inputs, outputs } }),
  );
  return dir;
}

describe('verifyStageDir (resume check)', () => {
  it('accepts a complete dir written under the same config', () => {
    const dir = stageDir('ok', { 'model.json': '{}', 'labels.csv': 'a,b' });
    expect(verifyStageDir(dir, 'metadata.json', ['model.json'], 'abcd1234').ok).toBe(true);
  });

  it('refuses a missing metadata file, another config, a required file not listed, an edited output, a changed input', () => {
    const dir = stageDir('bad', { 'model.json': '{}' });
    expect(verifyStageDir(join(root, 'nowhere'), 'metadata.json', [], 'abcd1234')).toEqual({
      ok: false,
      reason: 'metadata.json missing',
    });
    expect(verifyStageDir(dir, 'metadata.json', [], 'ffff0000')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('config abcd1234'),
    });
    expect(verifyStageDir(dir, 'metadata.json', ['labels.csv'], 'abcd1234')).toEqual({
      ok: false,
      reason: 'outputs lack labels.csv',
    });
    writeFileSync(join(dir, 'model.json'), '{"edited":1}');
    expect(verifyStageDir(dir, 'metadata.json', [], 'abcd1234')).toEqual({
      ok: false,
      reason: 'output model.json does not match its sha256',
    });
    const dir2 = stageDir('stale', { 'model.json': '{}' });
    writeFileSync(join(root, 'stale.input'), 'new bars');
    expect(verifyStageDir(dir2, 'metadata.json', [], 'abcd1234')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not match'),
    });
    writeFileSync(join(dir2, 'metadata.json'), '{"provenance": {"config_hash": "abcd1');
    expect(verifyStageDir(dir2, 'metadata.json', [], 'abcd1234')).toEqual({
      ok: false,
      reason: 'metadata.json unreadable',
    });
  });
});
