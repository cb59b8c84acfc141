import { accessSync, closeSync, constants, lstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError } from '@cf/ledger';

/** What every SQLite database file begins with, and where its fixed fields are (https://www.sqlite.org/fileformat.html). */
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
const PAGE_SIZE_AT = 16;
/** The payload fractions at offsets 21–23, fixed by the format: 64, 32, 32. */
const FRACTIONS_AT = 21;
const FRACTIONS = [64, 32, 32];

const isPageSize = (size: number): boolean => size === 1 || (size >= 512 && size <= 32768 && (size & (size - 1)) === 0);

/** Why a whole header is not SQLite's, or undefined when it is. */
const headerProblem = (head: Buffer, read: number): string | undefined => {
  if (read === 0) return undefined; // an empty file is what SQLite makes a database of
  if (!head.subarray(0, Math.min(read, MAGIC.length)).equals(MAGIC.subarray(0, Math.min(read, MAGIC.length))))
    return 'that is not a SQLite database';
  if (read < HEADER_BYTES) return 'that is cut short (not a whole SQLite header)';
  const fractions = [...head.subarray(FRACTIONS_AT, FRACTIONS_AT + FRACTIONS.length)];
  if (!isPageSize(head.readUInt16BE(PAGE_SIZE_AT)) || fractions.some((value, i) => value !== FRACTIONS[i]))
    return 'whose header is damaged (not a SQLite database)';
  return undefined;
};

const firstBytes = (file: string): { head: Buffer; read: number } => {
  const head = Buffer.alloc(HEADER_BYTES);
  const descriptor = openSync(file, 'r');
  try {
    return { head, read: readSync(descriptor, head, 0, HEADER_BYTES, 0) };
  } finally {
    closeSync(descriptor);
  }
};

/** What to do about each SQLite file of a data directory that is not usable. */
const REMEDIES: Record<string, string> = {
  'events.sqlite': 'name the directory of the log',
  'read-models.sqlite': 'move it aside: the read models are rebuilt from the log at start',
  'personal-data-keys.sqlite': 'restore it from a backup: without its keys the sealed personal data stays sealed',
};

/**
 * A SQLite file already in DATA_DIR (the log, the read models, the personal-data keys) must be a
 * SQLite database this process may read and write. Checked by its header (no lock taken, no -wal
 * or -shm file made, no wait on another process) before any other file is made beside it:
 * anything else — copied wrong, another program's, a directory, a dangling link — would otherwise
 * end the start with a driver's stack trace, and a secret and a key store left next to it.
 */
export const requireUsableSqliteFile = (file: string): void => {
  const name = basename(file);
  const refuse = (why: string): never => {
    const article = /^[aeiou]/.test(name) ? 'an' : 'a';
    throw new ConfigError(
      'DATA_DIR',
      `holds ${article} ${name} ${why}: ${REMEDIES[name] ?? 'name another directory'}; nothing was written`,
    );
  };
  const found = statSync(file, { throwIfNoEntry: false });
  if (!found) {
    if (lstatSync(file, { throwIfNoEntry: false })) refuse('that is a link to nothing');
    return;
  }
  if (!found.isFile()) refuse('that is not a file');
  let first: { head: Buffer; read: number } | undefined;
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
    first = firstBytes(file);
  } catch (error) {
    refuse(`this process may not read and write (${(error as { code?: string }).code ?? 'refused'})`);
  }
  const problem = first && headerProblem(first.head, first.read);
  if (problem) refuse(problem);
};

/** Every SQLite file of a data directory, the log's only where it keeps the log (not on EventStoreDB). */
export const requireUsableSqliteFiles = (dataDir: string, keepsLog: boolean): void => {
  for (const name of Object.keys(REMEDIES)) if (keepsLog || name !== 'events.sqlite') requireUsableSqliteFile(join(dataDir, name));
};
