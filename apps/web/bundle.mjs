// Bundles the browser pages into dist/web: run by `npm run build`, after the API's compile.
// Everything a page loads comes out of node_modules and apps/web at build time, so the pages
// work offline and fetch nothing from another origin at run time.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const web = dirname(fileURLToPath(import.meta.url));
const out = join(web, '..', '..', 'dist', 'web');

/** One page: its TypeScript entry, its stylesheet and its HTML, into dist/web/<page>/. */
const PAGES = {
  portal: { entryPoints: { portal: join(web, 'portal', 'main.ts'), 'portal-style': join(web, 'portal', 'portal.css') } },
};

const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all(Object.entries(PAGES).map(async ([page, options]) => {
  mkdirSync(join(out, page), { recursive: true });
  copyFileSync(join(web, page, 'index.html'), join(out, page, 'index.html'));
  await build({ ...common, ...options, outdir: join(out, page) });
}));
