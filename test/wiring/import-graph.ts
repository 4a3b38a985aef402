import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** One import edge: kind `static` (import/export … from), `type` (import type …) or `dynamic` (import()). */
export interface Edge {
  to: string;
  kind: 'static' | 'type' | 'dynamic';
}

/** Every .ts file under `dir` (repo-relative, posix separators). */
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) out.push(p.replaceAll('\\', '/'));
    }
  };
  walk(dir);
  return out.sort();
}

const STATIC_RE = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_RE = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // a package
  const target = normalize(join(dirname(from), spec))
    .replaceAll('\\', '/')
    .replace(/\.js$/, '.ts');
  return existsSync(target) ? target : null;
}

/** Relative imports of one file (packages are skipped), read from its source text. */
export function importsOf(file: string): Edge[] {
  const src = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const m of src.matchAll(STATIC_RE)) {
    const to = resolveSpec(file, m[4]);
    if (to) edges.push({ to, kind: m[2] ? 'type' : 'static' });
  }
  for (const m of src.matchAll(DYNAMIC_RE)) {
    const to = resolveSpec(file, m[1]);
    if (to) edges.push({ to, kind: 'dynamic' });
  }
  return edges;
}

/** The import graph of every .ts file under the given roots. */
export function importGraph(roots: string[]): Map<string, Edge[]> {
  const g = new Map<string, Edge[]>();
  for (const r of roots) for (const f of tsFiles(r)) g.set(f, importsOf(f));
  return g;
}

/** Cycles through static (runtime, evaluated at load) imports, each as a path of files. */
export function staticCycles(g: Map<string, Edge[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 0 | 1 | 2>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 1);
    stack.push(f);
    for (const e of g.get(f) ?? []) {
      if (e.kind !== 'static') continue;
      const s = state.get(e.to) ?? 0;
      if (s === 1) cycles.push([...stack.slice(stack.indexOf(e.to)), e.to]);
      else if (s === 0) visit(e.to);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of g.keys()) if (!state.get(f)) visit(f);
  return cycles;
}

/**
 * Files a process that starts at `entries` may load: static and dynamic imports, except the dynamic
 * imports made by `lazyTables` (dispatch tables that load one of many modules on demand).
 */
export function importClosure(
  g: Map<string, Edge[]>,
  entries: string[],
  lazyTables: string[] = [],
): string[] {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length > 0) {
    const f = todo.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const e of g.get(f) ?? importsOf(f)) {
      if (e.kind === 'type') continue;
      if (e.kind === 'dynamic' && lazyTables.includes(f)) continue;
      todo.push(e.to);
    }
  }
  return [...seen].sort();
}

/** Top-level source folder of a file (`src/data/x.ts` → `src/data`), or its root (`bench`). */
export function topFolder(file: string): string {
  const parts = relative('.', file).replaceAll('\\', '/').split('/');
  return parts[0] === 'src' ? `${parts[0]}/${parts[1]}` : parts[0];
}
