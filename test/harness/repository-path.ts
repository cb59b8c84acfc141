import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootAbove = (dir: string): string => {
  if (existsSync(join(dir, 'package.json'))) return dir;
  if (dirname(dir) === dir) throw new Error('no package.json above the harness');
  return rootAbove(dirname(dir));
};

const ROOT = rootAbove(dirname(fileURLToPath(import.meta.url)));

/**
 * A path inside the repository. The harness runs from its source under jest and compiled into
 * dist/ under `npm run bench`, so paths relative to this module differ; the root does not.
 */
export const repositoryPath = (path: string): string => join(ROOT, path);
