import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { mean } from 'simple-statistics';
import { generateSyntheticMarket } from '../../src/data/index.js';
import { buildFeatureTable } from '../../src/features/index.js';
import { toolVersions } from '../../src/pipeline/index.js';

const require = createRequire(import.meta.url);

// The bootstrap (npm pretest) installs these; a fresh machine must end up with every piece working.
describe('design-card packages are installed and usable', () => {
  it('danfojs-node builds a DataFrame from a feature table (notebook path)', async () => {
    const dfd = await import('danfojs-node');
    const [bars] = generateSyntheticMarket({
      seed: 1,
      symbols: ['TCS'],
      start: '2024-01-01',
      end: '2024-06-30',
      frequency: '1d',
    });
    const t = buildFeatureTable(bars);
    const rsi = Array.from(t.columns[t.names.indexOf('rsi14')].subarray(t.firstValid));
    const df = new dfd.DataFrame({ rsi14: rsi });
    expect(df.shape).toEqual([rsi.length, 1]);
    // danfo's mean and simple-statistics' agree on the same column.
    expect(df.rsi14.mean()).toBeCloseTo(mean(rsi), 10);
  }, 60_000);

  it('plotly.js ships its browser bundle for HTML reports', () => {
    const path = require.resolve('plotly.js-dist-min');
    expect(readFileSync(path, 'utf8').slice(0, 4000)).toMatch(/plotly\.js v\d+\.\d+\.\d+/);
  });

  it('the project venv has dvc 3.x, JupyterLab, and the tslab kernels registered with absolute paths', () => {
    expect(toolVersions().dvc).toMatch(/^3\./);
    expect(existsSync('.venv/bin/jupyter-lab')).toBe(true);
    for (const [kernel, language] of [
      ['tslab', 'typescript'],
      ['jslab', 'javascript'],
    ]) {
      const spec = JSON.parse(readFileSync(`.venv/share/jupyter/kernels/${kernel}/kernel.json`, 'utf8'));
      expect(spec.language).toBe(language);
      // node and tslab by absolute path: jupyter starts the kernel without node_modules/.bin on PATH.
      expect(spec.argv[0]).toBe(realpathSync(process.execPath));
      expect(spec.argv[1]).toBe(realpathSync('node_modules/tslab/bin/tslab'));
      expect(spec.argv.slice(2, 5)).toEqual(['kernel', '--config-path', '{connection_file}']);
    }
  });
});
