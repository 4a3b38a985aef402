/** A CLI command's runner: returns the exit code (undefined = 0). */
export interface Command {
  run(argv: string[]): Promise<number | undefined> | number | undefined;
}

/** A command as listed by the CLI: loaded lazily so `--help` and registry commands start fast. */
export interface CommandEntry {
  summary: string;
  /** Initialise the TensorFlow.js backend before running (commands that train or score). */
  usesTf?: boolean;
  load(): Promise<Command>;
}
