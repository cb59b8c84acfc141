import { randomBytes } from 'node:crypto';
import { createWriteStream, realpathSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/** Through a symbolic link, as writing to the name itself would. */
const resolved = (file: string): string => {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
};

const ended = (out: Writable): Promise<void> =>
  new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));

/**
 * Writes `file` whole or not at all. `write` fills a temporary file beside it, which is renamed
 * over `file` only once it has ended: a rename within one directory replaces the old file at
 * once, so a refusal, a failure or Ctrl-C part-way leaves the file that was there as it was, and
 * the temporary file is removed. The new file keeps the old one's permissions: an export may be
 * personal data someone has already made private.
 */
export const writeWholeFile = async <T>(file: string, write: (out: Writable) => Promise<T>): Promise<T> => {
  const target = resolved(file);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = (statSync(target, { throwIfNoEntry: false })?.mode ?? 0o666) & 0o777;
  const out = createWriteStream(temporary, { flags: 'wx', mode, flush: true });
  await once(out, 'open').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot write ${file}: ${error.code ?? error.message}`);
  });
  let failed: Error | undefined;
  out.on('error', (error) => (failed ??= error)); // a write's error, which would otherwise end the process unhandled
  const interrupted = (signal: NodeJS.Signals): void => {
    rmSync(temporary, { force: true });
    process.kill(process.pid, signal); // the listeners are gone: ends as the signal would have
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.once(signal, interrupted);
  try {
    const result = await write(out);
    if (failed) throw failed;
    await ended(out);
    await rename(temporary, target);
    return result;
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  } finally {
    for (const signal of signals) process.off(signal, interrupted);
  }
};
