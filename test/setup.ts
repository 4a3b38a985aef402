// Fails any test that writes through console.*: all output goes through the project logger.
import { afterEach, beforeEach, vi } from 'vitest';
import { applySettings } from '../src/config/index.js';

// The environment's settings (vitest.config.ts sets SENSEQUANT_LOG_LEVEL=silent), as the CLI applies them.
applySettings();

const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const m of methods) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${m}(${args.map(String).join(' ').slice(0, 200)})`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) throw new Error(`console used during test (use the logger): ${calls.join('; ')}`);
});
