import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { asTheAuditLogShows, exportEvents } from '@cf/audit';
import type { EventStore } from '@cf/event-store';
import { type LedgerConfig, UUID, idAsKept, openEventStore, projectKeptAsWritten } from '@cf/ledger';
import { openKeyStore, unsealWith } from '@cf/personal-data';
import { requireExportTarget } from '../export-file.js';
import { ProgressBar } from '../progress-bar.js';
import { reachLog } from '../reach-log.js';
import { writeWholeFile } from '../whole-file.js';

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

/**
 * The project `--project` names, as the API reads ids: in lowercase, but for a project opened
 * with its id in capitals before ids were kept so, which keeps them. Not a UUID: refused, not
 * answered "no events" as if the project were empty.
 */
const projectNamed = async (store: EventStore, given: string): Promise<string> => {
  if (!UUID.test(given)) throw new Error(`--project must be a project's id (a UUID), not "${given}": nothing was exported`);
  return idAsKept(given, projectKeptAsWritten(store));
};

/** Every event asked for, written to `out`; how many. */
const writeEvents = async (config: LedgerConfig, options: ExportOptions, out: Writable): Promise<number> => {
  const store = openEventStore(config, undefined, { readOnly: true });
  const keys = options.unseal ? await openKeyStore(config) : undefined;
  try {
    const project = options.project === undefined ? undefined : await projectNamed(store, options.project);
    // One project's events are found by reading the whole log: the bar counts the log read, not the events written.
    const bar = new ProgressBar(project ? 'export, reading the log' : 'export', Number(await store.headPosition()));
    const write = async (line: string): Promise<void> => {
      if (!out.write(line)) await once(out, 'drain');
    };
    const written = await exportEvents(store, write, {
      projectId: project,
      // Personal data opened; a webhook's secret and URL path are not people's to read (as in the audit log).
      render: keys && (async (event) => ({ ...event, data: await unsealWith(keys, asTheAuditLogShows(event.data)) })),
      onProgress: (position) => bar.update(Number(position)),
    });
    bar.finish(Number(await store.headPosition()));
    // An empty file for a mistyped id would read as a project without events.
    if (project && written === 0) throw new Error(`no events of project ${project} in this store: nothing was exported`);
    return written;
  } finally {
    await keys?.close();
    await store.close();
  }
};

export const exportCommand = async (config: LedgerConfig, options: ExportOptions = {}): Promise<void> => {
  const file = options.out;
  if (file !== undefined) requireExportTarget(file);
  // Sealed, it only reads the log; unsealed, it opens the keys too.
  await reachLog(config, { readOnly: !options.unseal });
  // A file given is replaced only by a whole export: a refused or broken one leaves it as it was.
  const written =
    file !== undefined
      ? await writeWholeFile(file, (out) => writeEvents(config, options, out))
      : await writeEvents(config, options, process.stdout);
  console.error(`exported ${written} events${file ? ` to ${file}` : ''}${options.unseal ? ' (unsealed: not importable)' : ''}`);
};
