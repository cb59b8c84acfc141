// Bundles the browser pages into dist/web: run by `npm run build`, after the API's compile.
// Everything a page loads comes out of node_modules and apps/web at build time, so the pages
// work offline and fetch nothing from another origin at run time.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const web = dirname(fileURLToPath(import.meta.url));
const out = join(web, '..', '..', 'dist', 'web');

/** Each page's builds, into dist/web/<page>/ beside a copy of its index.html. */
const PAGES = {
  portal: [{ entryPoints: { portal: join(web, 'portal', 'main.ts'), 'portal-style': join(web, 'portal', 'portal.css') } }],
  console: [
    // GraphiQL with its stylesheet, the editor's icon font and the API's schema.
    {
      entryPoints: { console: join(web, 'console', 'console.tsx'), 'console-page': join(web, 'console', 'console-page.css') },
      loader: { '.ttf': 'file', '.graphql': 'text' },
    },
    // The editor's language services (@graphiql/react's Monaco) run as web workers of their own.
    {
      entryPoints: {
        'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
        'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
        'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
      },
      format: 'iife',
    },
  ],
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

await Promise.all(
  Object.entries(PAGES).map(async ([page, builds]) => {
    mkdirSync(join(out, page), { recursive: true });
    copyFileSync(join(web, page, 'index.html'), join(out, page, 'index.html'));
    await Promise.all(builds.map((options) => build({ ...common, ...options, outdir: join(out, page) })));
  }),
);
