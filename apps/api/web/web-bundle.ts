import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootAbove = (dir: string): string => {
  if (existsSync(join(dir, 'package.json'))) return dir;
  if (dirname(dir) === dir) throw new Error('no package.json above the API');
  return rootAbove(dirname(dir));
};

/**
 * Where `npm run build` puts the browser pages (apps/web, bundled by apps/web/bundle.mjs).
 * The API runs compiled from dist/ and, under jest, from its sources: the folder differs, the
 * repository root (the image's /app) does not.
 */
export const WEB_BUNDLE_DIR = join(rootAbove(dirname(fileURLToPath(import.meta.url))), 'dist', 'web');

/** The built HTML of one page (`portal`, `console`), or undefined when the build has not run. */
export const builtPage = (page: string): string | undefined => {
  const file = join(WEB_BUNDLE_DIR, page, 'index.html');
  return existsSync(file) ? file : undefined;
};
