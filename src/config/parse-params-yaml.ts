import { type Document, isMap, type LineCounter, parseDocument } from 'yaml';
import { ConfigError, clip } from '../core/index.js';

/** Alias expansions a params file may use (it needs none; YAML "billion laughs" needs millions). */
const MAX_ALIAS_COUNT = 100;

/** The first line of a yaml error message (the rest is a code frame that may echo a huge line). */
const firstLine = (m: string) => clip(m.split('\n')[0].replace(/:$/, ''));

/**
 * Parses the YAML text of a params file into a plain object. Every failure is a ConfigError naming the
 * file (and line): a syntax error, an empty or comment-only file, a top level that is not a mapping,
 * an alias bomb or an unresolved alias.
 */
export function parseParamsYaml(
  text: string,
  file: string,
  lines: LineCounter,
): { doc: Document; raw: unknown } {
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  } catch (e) {
    throw new ConfigError(`${file} is not valid YAML`, [
      { path: '', file, message: firstLine(String(e)), fix: 'fix the YAML syntax' },
    ]);
  }
  if (doc.errors.length > 0) {
    throw new ConfigError(
      `${file} is not valid YAML`,
      doc.errors.map((e) => ({
        path: '',
        file,
        line: e.linePos?.[0]?.line,
        message: firstLine(e.message),
        fix: 'fix the YAML syntax',
      })),
    );
  }
  if (doc.contents === null) {
    throw new ConfigError(`${file} is empty`, [
      {
        path: '',
        file,
        message: 'has no settings (empty or only comments); refusing to run silently on the defaults',
        fix: 'restore params.yaml from the repository, or write `{}` to run on every default on purpose',
      },
    ]);
  }
  if (!isMap(doc.contents)) {
    const range = doc.contents.range;
    throw new ConfigError(`${file} is not a mapping of settings`, [
      {
        path: '',
        file,
        line: range ? lines.linePos(range[0]).line : undefined,
        message: 'the top level must be a mapping of sections (base:, data:, teacher:, …)',
        fix: 'write `section:` lines with indented `key: value` pairs, as in the repository params.yaml',
      },
    ]);
  }
  try {
    return { doc, raw: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    const alias = e instanceof ReferenceError && /excessive alias count/i.test(e.message);
    throw new ConfigError(`${file} cannot be read`, [
      {
        path: '',
        file,
        message: alias
          ? `YAML aliases expand too much (over ${MAX_ALIAS_COUNT} expansions: a "billion laughs" document)`
          : firstLine(e instanceof Error ? e.message : String(e)),
        fix: alias ? 'write the values out instead of nesting aliases (*name)' : 'fix the YAML',
      },
    ]);
  }
}
