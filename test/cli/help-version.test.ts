import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { DEFAULT_REGISTRY_ROOT } from '../../src/registry/index.js';
import { STAGES } from '../../src/stages/index.js';
import { tempDir } from '../integration/helpers.js';
import { runCli } from './run-cli.js';

/** The help block of one flag (its line and wrapped continuation lines), whitespace collapsed. */
function flagBlock(help: string, flag: string): string {
  const lines = help.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  --${flag} `) || l === `  --${flag}`);
  if (start < 0) throw new Error(`--${flag} not in help:\n${help}`);
  let end = start + 1;
  while (end < lines.length && lines[end].startsWith(' '.repeat(10))) end++;
  return lines.slice(start, end).join(' ').replace(/\s+/g, ' ').trim();
}

describe('sensequant --version', () => {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
  it.each([['--version'], ['-V']])('%s prints the package.json version and exits 0', (flag) => {
    const r = runCli([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});

describe('sensequant --help', () => {
  it('lists every command and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it.each(Object.keys(COMMANDS))('%s --help exits 0 and lists every flag with a default', (name) => {
    const r = runCli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^usage: sensequant ${name}`));
    for (const flag of Object.keys(COMMANDS[name].flags))
      expect(flagBlock(r.stdout, flag)).toMatch(/\(default: .+\)$/);
  });

  it('-h and `help <command>` print the same help', () => {
    const long = runCli(['train-student', '--help']);
    expect(runCli(['train-student', '-h']).stdout).toBe(long.stdout);
    expect(runCli(['help', 'train-student']).stdout).toBe(long.stdout);
  });

  it('shows the current params.yaml value of a flag whose default comes from there', () => {
    const dir = tempDir();
    const file = join(dir, 'params.yaml');
    writeFileSync(
      file,
      'data:\n  start: "2021-03-04"\n  symbols: [TCS, INFY]\nteacher:\n  min_holding_return: 0.0125\nstudent:\n  model_type: mlp\n',
    );
    const teacher = runCli(['train-teacher', '--help', '--params', file]);
    expect(teacher.code).toBe(0);
    expect(flagBlock(teacher.stdout, 'start-date')).toContain('(default: data.start = 2021-03-04)');
    expect(flagBlock(teacher.stdout, 'symbols')).toContain('(default: data.symbols = ["TCS","INFY"])');
    expect(flagBlock(teacher.stdout, 'min-holding-return')).toContain(
      '(default: teacher.min_holding_return = 0.0125)',
    );
    // Keys not in the file show the schema default.
    expect(flagBlock(teacher.stdout, 'end-date')).toContain('(default: data.end = 2024-12-31)');
    expect(teacher.stdout).toContain(`current values in ${file}`);
    const student = runCli(['train-student', '--help', `--params=${file}`]);
    // Enum keys list their allowed values as the placeholder.
    expect(flagBlock(student.stdout, 'model-type')).toMatch(
      /^--model-type logistic\|mlp\|gbdt .*\(default: student\.model_type = mlp\)$/,
    );
  });

  it('still prints help (exit 0) when the params file cannot be read, and says so', () => {
    const r = runCli(['train-teacher', '--help', '--params', '/nonexistent/params.yaml']);
    expect(r.code).toBe(0);
    expect(flagBlock(r.stdout, 'start-date')).toContain('(default: data.start in /nonexistent/params.yaml)');
    expect(r.stdout).toContain('could not be read: cannot read params file');
  });

  it('train-student --help says where the student goes by default', () => {
    const help = runCli(['train-student', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('data/models/runs/<config_hash>/student');
    expect(help).toContain('<teacher-dir>/../student');
  });

  it('literal defaults shown in help are the ones the commands use', () => {
    expect(COMMANDS.stage.args?.[0].help).toBe(Object.keys(STAGES).join(' | '));
    for (const name of ['promote', 'rollback', 'registry'])
      expect(COMMANDS[name].flags.root.default).toBe(DEFAULT_REGISTRY_ROOT);
  });
});
