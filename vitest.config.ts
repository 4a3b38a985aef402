import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/summary-reporter.js';

export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', new SummaryReporter()],
    env: { TZ: 'UTC', SENSEQUANT_LOG_LEVEL: 'silent' },
  },
});

// biome-ignore lint/style/noDefaultExport: vitest loads the config through its default export.
export default config;
