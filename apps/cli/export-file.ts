import { constants, accessSync, statSync } from 'node:fs';

/*
 * The file an export is written to or an import reads, checked before the store is reached: a
 * path that cannot be one is refused in one line naming where it was given, as migrate names its
 * options, with nothing made or written (Node's own EISDIR would come only once the work was done).
 */

/** `import <file>`: a file this process can read, not a directory. */
export const requireExportToRead = (file: string): void => {
  const refused = (why: string): Error => new Error(`<file>: ${why}: name an export to import; nothing was imported`);
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    throw refused(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (statSync(file).isDirectory()) throw refused(`${file} is a directory`);
};

/** `export --out <file>`: a name given, and not a directory's (an empty one is no standard output). */
export const requireExportTarget = (out: string): void => {
  const refused = (why: string): Error => new Error(`--out: ${why}; nothing was exported`);
  if (out === '') throw refused('names no file: name one, or give no --out to write to standard output');
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw refused(`${out} is a directory: name a file to write`);
};
