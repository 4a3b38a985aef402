#!/usr/bin/env node
import { applySettings } from '../config/index.js';
import { formatIssue, logger, SenseQuantError } from '../core/index.js';
import { COMMANDS } from './commands/index.js';
import { exitCodeFor } from './exit-codes.js';
import { print } from './args.js';

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(20)} ${c.summary}`);
  return `usage: sensequant <command> [flags]\n\ncommands:\n${lines.join('\n')}\n`;
}

/** CLI entry: dispatches to a command and maps errors to exit codes. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    print(usage());
    return name ? 0 : 3;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`unknown command "${name}"\n${usage()}`);
    return 3;
  }
  try {
    applySettings();
    // One backend for the whole process, chosen before any model is trained or scored: artifacts are
    // bit-reproducible only on the same backend.
    if (cmd.usesTf) await (await import('../models/tfjs/index.js')).initTfBackend();
    return (await (await cmd.load()).run(rest)) ?? 0;
  } catch (err) {
    const code = exitCodeFor(err);
    if (err instanceof SenseQuantError) {
      logger.error(err.message.split('\n')[0], {
        command: name,
        exit_code: code,
        issues: err.issues.map(formatIssue),
      });
    } else {
      logger.error('unexpected error (a bug: please report it)', {
        command: name,
        error: String(err),
        stack: err instanceof Error ? err.stack : undefined,
      });
    }
    return code;
  }
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry || process.argv[1]?.endsWith('cli/main.js')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      logger.error('fatal', { error: String(err) });
      process.exitCode = 1;
    },
  );
}
