// Writes the tslab kernel specs (TypeScript and JavaScript) into a Jupyter kernels directory with absolute
// paths to node and tslab, so jupyter (nbconvert, JupyterLab) starts them without node_modules/.bin or node
// on PATH. Usage: node scripts/register-kernels.mjs <kernels dir> <node> <tslab bin>  (bootstrap.sh runs it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, node, tslab] = process.argv.slice(2);
if (!dir || !node || !tslab) {
  process.stderr.write('usage: register-kernels.mjs <kernels dir> <node> <tslab bin>\n');
  process.exit(2);
}
const specs = {
  tslab: { display_name: 'TypeScript', language: 'typescript', extra: [] },
  jslab: { display_name: 'JavaScript', language: 'javascript', extra: ['--js'] },
};
for (const [name, s] of Object.entries(specs)) {
  mkdirSync(join(dir, name), { recursive: true });
  const spec = {
    argv: [node, tslab, 'kernel', '--config-path', '{connection_file}', ...s.extra],
    display_name: s.display_name,
    language: s.language,
  };
  writeFileSync(join(dir, name, 'kernel.json'), `${JSON.stringify(spec, null, 1)}\n`);
}
