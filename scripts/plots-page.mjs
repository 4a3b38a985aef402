#!/usr/bin/env node
// `node scripts/plots-page.mjs [OUT]`: writes the HTML template DVC fills for `dvc plots show` and
// `dvc plots diff` (.dvc/config `plots.html_template`, default OUT .dvc/plots/page.html, git-ignored).
// DVC's own page loads Vega from a CDN and is blank offline; this one inlines the Vega, Vega-Lite and
// Vega-Embed browser bundles from node_modules, so the page renders with no network at all. It has no
// `{scripts}` placeholder, so DVC's CDN <script> tags are never inserted. The bootstrap runs it after
// installing npm packages.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BUNDLES = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
];
/** What DVC replaces in the template (HTML.embed); a bundle containing one would be corrupted. */
const PLACEHOLDERS = ['{plot_divs}', '{scripts}', '{refresh_tag}'];

/** The package folder as Node would find it from the repository root (node_modules here or above). */
function packageDir(name) {
  for (let dir = ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

function bundle(name, file) {
  const dir = packageDir(name);
  if (!dir) {
    throw new Error(`npm package ${name} is not installed (npm install, or scripts/bootstrap.sh)`);
  }
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const code = readFileSync(join(dir, file), 'utf8');
  const clash = PLACEHOLDERS.find((p) => code.includes(p));
  if (clash) throw new Error(`${name}/${file} contains the DVC placeholder ${clash}`);
  // Inside <script>, the only sequence that can end the element early is "</script" (any case).
  return `<script>/* ${name} ${version} */\n${code.replace(/<\/(script)/gi, '<\\/$1')}\n</script>`;
}

const out = resolve(process.argv[2] ?? join(ROOT, '.dvc', 'plots', 'page.html'));
try {
  const scripts = BUNDLES.map(([name, file]) => bundle(name, file)).join('\n');
  const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{refresh_tag}
<title>SenseQuant Lab — DVC plots</title>
${scripts}
<style>
  body { font-family: system-ui, sans-serif; margin: 16px; }
  body > div { display: inline-block; vertical-align: top; margin: 0 24px 24px 0; }
</style>
</head>
<body>
{plot_divs}
</body>
</html>
`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, page);
  renameSync(`${out}.tmp`, out);
  process.stdout.write(`${out}\n`);
} catch (err) {
  process.stderr.write(`plots-page: ${err instanceof Error ? err.message : err}\n`);
  process.exitCode = 1;
}
