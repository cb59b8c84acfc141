import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * mkdirSync(dir, { recursive: true }) without its hang: Node's recursive mkdir tries again and
 * again, at full CPU, where a parent exists but answers ENOENT for any child (DATA_DIR=/proc/nope,
 * `migrate --to sqlite:/proc/nope`). Each missing directory is made on its own, from the top down,
 * so the first refusal is thrown. Every directory the ledger makes is made here.
 */
export const makeDirectory = (dir: string): string[] => {
  const found = statSync(dir, { throwIfNoEntry: false });
  if (found?.isDirectory()) return [];
  if (found) throw Object.assign(new Error(`${dir} is a file`), { code: 'ENOTDIR' });
  const made = makeDirectory(dirname(dir)); // ends at the root, which exists
  try {
    mkdirSync(dir);
  } catch (error) {
    // Another process starting at the same moment may have made it first.
    if ((error as { code?: string }).code !== 'EEXIST' || !statSync(dir).isDirectory()) throw error;
    return made;
  }
  return [...made, dir];
};

/**
 * Takes back the directories makeDirectory answered it made, deepest first, each only while it is
 * still empty: a refused start leaves nothing behind, and never takes what another process wrote.
 */
export const unmakeDirectories = (made: readonly string[]): void => {
  for (const dir of [...made].reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
  }
};
