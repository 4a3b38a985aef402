/**
 * How a flag's value is read: `boolean` is a switch; `bool` takes true|false; `list` takes one or more
 * values (`--symbols A B`, `--symbols A,B` or the flag repeated); `date` is YYYY-MM-DD.
 */
export type FlagType = 'boolean' | 'bool' | 'string' | 'number' | 'date' | 'list';

/** One command-line flag: how it is read, what it does and where its default comes from. */
export interface FlagSpec {
  type: FlagType;
  /** What it does (one line in --help). */
  help: string;
  /** Placeholder of the value in --help, e.g. DIR. */
  value?: string;
  /** Literal default shown in --help when the default is not a params.yaml key. */
  default?: string;
  /** params.yaml key whose current value is the default (shown in --help). */
  param?: string;
  /** The value replaces `param` for this run; an invalid value is reported against the flag. */
  overrides?: boolean;
  /** Allowed values of a string flag. */
  choices?: readonly string[];
}

/** A command's flags by long name (without the leading --). */
export type FlagTable = Readonly<Record<string, FlagSpec>>;

type ValueOf<S extends FlagSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['type'] extends 'bool'
    ? boolean | undefined
    : S['type'] extends 'number'
      ? number | undefined
      : S['type'] extends 'list'
        ? string[] | undefined
        : string | undefined;

/** Typed values of a parsed flag table. */
export type FlagValues<T extends FlagTable> = { -readonly [K in keyof T]: ValueOf<T[K]> };

/** What `parseCommandFlags` returns: converted values, positionals, and whether help was asked for. */
export interface ParsedFlags {
  values: Record<string, unknown>;
  positionals: string[];
  help: boolean;
}
