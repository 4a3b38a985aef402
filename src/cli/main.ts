#!/usr/bin/env node
import { applySettings } from '../config/index.js';
import { formatIssue, logger, SenseQuantError } from '../core/index.js';
import { print } from './args.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { parseCommandFlags } from './parse-flags.js';
import { packageVersion } from './version.js';

/** CLI entry: dispatches to a command and maps errors to exit codes. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    print(packageVersion());
    return EXIT.OK;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const cmd = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    const { commandHelp, globalHelp } = await import('./help.js');
    print(cmd ? commandHelp(rest[0], cmd, 'params.yaml') : globalHelp());
    return name ? EXIT.OK : EXIT.CONFIG;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`unknown command "${name}"\n${(await import('./help.js')).globalHelp()}`);
    return EXIT.CONFIG;
  }
  try {
    applySettings();
    const flags = parseCommandFlags(rest, cmd.flags, {
      command: name,
      maxPositionals: cmd.args?.length ?? 0,
    });
    if (flags.help) {
      const paramsFile = paramsFileIn(rest) ?? 'params.yaml';
      print((await import('./help.js')).commandHelp(name, cmd, paramsFile));
      return EXIT.OK;
    }
    // One backend for the whole process, chosen before any model is trained or scored: artifacts are
    // bit-reproducible only on the same backend.
    if (cmd.usesTf) await (await import('../models/tfjs/index.js')).initTfBackend();
    return (await (await cmd.load()).run(flags)) ?? EXIT.OK;
  } catch (err) {
    const code = exitCodeFor(err);
    if (err instanceof SenseQuantError) {
      logger.error(err.message.split('\n')[0], {
        command: name,
        exit_code: code,
        codes: err.codes,
        issues: err.issues.map(formatIssue),
      });
    } else if (isSystemError(err)) {
      // A file-system failure (missing path, no permission, disk full) is about the environment, not a bug.
      logger.error(`${err.syscall ?? 'i/o'} failed: ${err.code}${err.path ? ` ${err.path}` : ''}`, {
        command: name,
        exit_code: code,
        error: err.message,
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

function isSystemError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'syscall' in err;
}

/** `--params FILE` / `--params=FILE` in argv, so `--help` shows defaults from the file the run would use. */
function paramsFileIn(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--params') return argv[i + 1];
    if (argv[i].startsWith('--params=')) return argv[i].slice('--params='.length);
  }
  return undefined;
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
