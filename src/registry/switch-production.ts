import { renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDir } from '../pipeline/index.js';
import { crashPoint } from './crash-hook.js';
import { ARCHIVE, LINK_TMP_PREFIX, PRODUCTION, tempSuffix } from './layout.js';

/** Points `<root>/production` at archive/<version> with one rename(2) of a temp symlink: atomic. */
export function switchProduction(root: string, version: string): void {
  crashPoint('before-switch');
  const tmp = join(root, `${LINK_TMP_PREFIX}${tempSuffix()}`);
  // Relative target so the registry root can be moved or mounted elsewhere.
  symlinkSync(`${ARCHIVE}/${version}`, tmp);
  crashPoint('after-temp-symlink');
  renameSync(tmp, join(root, PRODUCTION));
  fsyncDir(root);
  crashPoint('after-switch');
}
