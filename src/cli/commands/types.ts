import type { FlagTable, ParsedFlags } from '../flag-spec.js';

/** A CLI command's runner: gets the parsed flags, returns the exit code (undefined = 0). */
export interface Command {
  run(flags: ParsedFlags): Promise<number | undefined> | number | undefined;
}

/** A command as listed by the CLI: loaded lazily so `--help` and registry commands start fast. */
export interface CommandEntry {
  summary: string;
  /** Its flags: parsed (and rendered by --help) before the command module is loaded. */
  flags: FlagTable;
  /** Positional arguments as shown in the usage line (e.g. `DIR`), with one help line each; more are an error. */
  args?: readonly { name: string; help: string }[];
  /** A note printed under the flags in --help (e.g. where outputs go by default). */
  notes?: readonly string[];
  /** Initialise the TensorFlow.js backend before running (commands that train or score). */
  usesTf?: boolean;
  load(): Promise<Command>;
}
