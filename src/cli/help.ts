import { describeParam, loadParams, paramsWithDefaults } from '../config/index.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';
import type { FlagSpec } from './flag-spec.js';

const WIDTH = 100;
const LEFT = 30;

function valueAt(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const k of path.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[k];
  return cur;
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Word-wraps `text` into a column starting at `col`, after `left` (on its own line when too long). */
function wrap(left: string, text: string, col = LEFT): string[] {
  const lines: string[] = [];
  let line = left.padEnd(col);
  if (col > 0 && left.length >= col) {
    lines.push(left);
    line = ' '.repeat(col);
  }
  for (const word of text.split(' ')) {
    if (line.length > col && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(col);
    }
    line += line.length === col ? word : ` ${word}`;
  }
  lines.push(line.trimEnd());
  return lines;
}

function defaultText(spec: FlagSpec, params: unknown, file: string): string {
  if (spec.param) {
    if (params === undefined) return `${spec.param} in ${file}`;
    return `${spec.param} = ${show(valueAt(params, spec.param))}`;
  }
  if (spec.default !== undefined) return spec.default;
  return spec.type === 'boolean' ? 'off' : 'not set';
}

function flagLines(name: string, spec: FlagSpec, params: unknown, file: string): string[] {
  const info = spec.param ? describeParam(spec.param) : undefined;
  const choices = spec.choices ?? info?.choices;
  const placeholder = spec.value ?? choices?.join('|') ?? (spec.type === 'boolean' ? '' : 'VALUE');
  const left = `  --${name}${placeholder ? ` ${placeholder}` : ''}`;
  const sets = spec.overrides && spec.param ? ` Overrides ${spec.param}.` : '';
  return wrap(left, `${spec.help}${sets} (default: ${defaultText(spec, params, file)})`);
}

/**
 * `sensequant <command> --help`: usage, positionals, every flag with what it does and its default; a
 * default that comes from params.yaml is shown with its current value there (`data.start = 2022-01-01`).
 */
export function commandHelp(name: string, entry: CommandEntry, paramsFile: string): string {
  const hasParams = Object.values(entry.flags).some((f) => f.param);
  let params: unknown;
  let problem: string | undefined;
  if (hasParams) {
    try {
      params = paramsWithDefaults(loadParams(paramsFile).params);
    } catch (err) {
      problem = err instanceof Error ? err.message.split('\n')[0] : String(err);
    }
  }
  const args = (entry.args ?? []).map((a) => ` ${a.name}`).join('');
  const out = [`usage: sensequant ${name}${args} [flags]`, '', entry.summary, ''];
  if (entry.args?.length) {
    out.push('arguments:');
    for (const a of entry.args) out.push(...wrap(`  ${a.name}`, a.help));
    out.push('');
  }
  out.push('flags:');
  for (const [flag, spec] of Object.entries(entry.flags))
    out.push(...flagLines(flag, spec, params, paramsFile));
  out.push(...wrap('  -h, --help', 'show this help and exit'));
  if (hasParams) {
    out.push(
      '',
      problem
        ? `Defaults named after a params key could not be read: ${problem}.`
        : `Defaults shown as key = value are the current values in ${paramsFile}.`,
    );
  }
  for (const note of entry.notes ?? []) out.push('', ...wrap('', note, 0));
  return `${out.join('\n')}\n`;
}

/** `sensequant --help`: the commands. */
export function globalHelp(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => wrap(`  ${name}`, c.summary).join('\n'));
  return [
    'usage: sensequant <command> [flags]',
    '       sensequant <command> --help    flags of a command, with their defaults',
    '       sensequant --version',
    '',
    'commands:',
    ...lines,
    '',
  ].join('\n');
}
