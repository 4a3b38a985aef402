/** A CLI command: a one-line summary and a runner returning the exit code. */
export interface Command {
  summary: string;
  run(argv: string[]): Promise<number | undefined> | number | undefined;
}
