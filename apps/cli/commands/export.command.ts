import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { asTheAuditLogShows, exportEvents } from '@cf/audit';
import { type LedgerConfig, openEventStore } from '@cf/ledger';
import { openKeyStore, unsealWith } from '@cf/personal-data';
import { ProgressBar } from '../progress-bar.js';
import { reachLog } from '../reach-log.js';

/**
 * `export [--project P] [--out file] [--unseal]`: the log as NDJSON, one event per line, in
 * global order, exactly as stored. Personal fields stay sealed (`enc:v1:…`): an export can be
 * imported and verified, and it is readable only while the person's key exists — forgetting a
 * contact shreds their name and e-mail in every export made before, too (their organisation and
 * department are plain in the log, and so in a sealed export). `--unseal` writes a forgotten
 * contact's events as the audit log shows them, and plaintext (or
 * [forgotten]) for people to read, with webhooks' secrets and URLs as the audit log shows them;
 * such a file no longer verifies and import refuses it, and the plaintext in it outlives a later
 * forget: keep it as personal data.
 */
export interface ExportOptions {
  project?: string;
  out?: string;
  unseal?: boolean;
}

export const exportCommand = async (config: LedgerConfig, options: ExportOptions = {}): Promise<void> => {
  await reachLog(config);
  const store = openEventStore(config);
  const keys = options.unseal ? await openKeyStore(config) : undefined;
  const file = options.out;
  const out: Writable = file ? createWriteStream(file) : process.stdout;
  try {
    const bar = new ProgressBar('export', Number(await store.headPosition()));
    const write = async (line: string): Promise<void> => {
      if (!out.write(line)) await once(out, 'drain');
    };
    const written = await exportEvents(store, write, {
      projectId: options.project,
      // Personal data opened; a webhook's secret and URL path are not people's to read (as in the audit log).
      render: keys && (async (event) => ({ ...event, data: await unsealWith(keys, asTheAuditLogShows(event.data)) })),
      onProgress: (position) => bar.update(Number(position)),
    });
    bar.finish(Number(await store.headPosition()));
    if (file) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    // An empty file for a mistyped id would read as a project without events.
    if (options.project && written === 0) {
      if (file) await rm(file, { force: true });
      throw new Error(`no events of project ${options.project} in this store: nothing was exported`);
    }
    console.error(`exported ${written} events${file ? ` to ${file}` : ''}${keys ? ' (unsealed: not importable)' : ''}`);
  } finally {
    await keys?.close();
    await store.close();
  }
};
