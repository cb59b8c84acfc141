import { type CarriedKeys, type OpenedStore, carryKeys, compareStores, migrateEvents, openStoreUrl, requireStoreAt } from '@cf/audit';
import { holdStoreAlone } from '@cf/ledger';
import { carryDeliveryRecord } from '@cf/webhooks';
import { ProgressBar } from '../progress-bar.js';

/**
 * `migrate --from <store url> --to <store url> [--limit N]`: copies every event in global order,
 * one command per append, then the personal-data keys (the target keeps only those the source
 * still holds, see carryKeys), and ends by comparing event counts and
 * every stream's last hash (exit code 1 when they differ). The webhooks' delivery record goes
 * along (positions are kept, so the target derives the same delivery ids): nothing delivered is
 * sent again from the target. Interrupted, it resumes where the target ends when run again (see
 * resumePoint). Run it with the API stopped on both stores.
 * URLs: `sqlite:<data directory>` or `postgres://user@host:5432/db?schema=<name>`.
 */
export interface MigrateOptions {
  from: string;
  to: string;
  /** Events to copy in this run at most (the CLI checks it is a whole number). */
  limit?: number;
}

/** The source's keys, where it has a key store (a data directory never served has none). */
const carryKeysOf = async (from: OpenedStore, to: OpenedStore): Promise<CarriedKeys> => {
  const source = await from.openKeys(false);
  if (!source) return { kept: 0, destroyed: 0 };
  try {
    const target = await to.openKeys(true);
    if (!target) throw new Error('the target store keeps no keys: personal data would be unreadable there');
    return await carryKeys(source, target, to.store).finally(() => target.close());
  } finally {
    await source.close();
  }
};

/** The source's delivery record, where it has read models (a store never served has none). */
const carryDeliveryRecordOf = async (from: OpenedStore, to: OpenedStore): Promise<number> => {
  const source = await from.openReadModels(false);
  if (!source) return 0;
  const target = await to.openReadModels(true);
  if (!target) throw new Error('the target store keeps no read models: its webhooks would send every past notice again');
  try {
    return await carryDeliveryRecord(source, target);
  } finally {
    await source.destroy();
    await target.destroy();
  }
};

/**
 * Neither store may be served while it is copied: an instance on the source would go on writing
 * and delivering (a pending webhook delivery went out from both), one on the target would project
 * a half-copied log. Each store is held alone (StoreClaim: every instance holds a share, followers
 * too) and its projections' leadership taken (holdStoreAlone), both until the copy ends, so no
 * instance starts.
 */
const requireUnserved = async (stores: Record<'--from' | '--to', OpenedStore>): Promise<void> => {
  for (const [option, store] of Object.entries(stores)) {
    const unusable = await store.whyUnusable(option === '--to');
    if (unusable) throw new Error(`${option}: ${store.describe}: ${unusable}; nothing was copied`);
    // Holding a SQLite store makes its directory: one that cannot be made is named by its option.
    const unserved = await holdStoreAlone(store.claim, () => store.leadership.acquire()).catch((error: Error) => {
      throw new Error(`${option}: cannot use ${store.describe} (${error.message}); nothing was copied`);
    });
    if (!unserved)
      throw new Error(
        `an API instance is serving ${store.describe}, or another import, migrate or rebuild holds it${option === '--to' ? ', or it is the store --from names, spelled another way' : ''}: stop every instance on both stores, then migrate (nothing was copied)`,
      );
  }
};

/** A store URL opened, or refused naming the option that gave it (a bad ?schema=, an unknown kind). */
const opened = (option: string, url: string): OpenedStore => {
  try {
    return openStoreUrl(url);
  } catch (error) {
    throw new Error(`${option}: ${(error as Error).message}; nothing was copied`, { cause: error });
  }
};

export const migrateCommand = async ({ from: fromUrl, to: toUrl, limit }: MigrateOptions): Promise<void> => {
  await requireStoreAt(fromUrl).catch((error: Error) => {
    throw new Error(`--from: ${error.message}; nothing was copied`);
  });
  const from = opened('--from', fromUrl);
  const to = opened('--to', toUrl);
  try {
    if (from.describe === to.describe) throw new Error(`--from and --to name the same store (${from.describe}): nothing to copy`);
    await requireUnserved({ '--from': from, '--to': to });
    const bar = new ProgressBar('migrate', Number(await from.store.headPosition()));
    let finished: { keys: CarriedKeys; deliveries: number; comparison: Awaited<ReturnType<typeof compareStores>> } | undefined;
    const result = await migrateEvents(from.store, () => to.store, {
      limit,
      job: `migrate --from ${from.describe} --to ${to.describe}`,
      onProgress: (position) => bar.update(Number(position)),
      // The target is whole once its keys and delivery record are there and it compares equal: only then is its mark removed.
      finish: async () => {
        const keys = await carryKeysOf(from, to);
        const deliveries = await carryDeliveryRecordOf(from, to);
        finished = { keys, deliveries, comparison: await compareStores(from.store, to.store) };
        return finished.comparison.ok;
      },
    });
    if (!result.complete || !finished) {
      // Carried by a run cut short too: a key the source has destroyed goes from the copy at once.
      await carryKeysOf(from, to);
      console.log(`stopped after ${result.copied} events (--limit); run again to resume`);
      return;
    }
    bar.finish(Number(await from.store.headPosition()));
    const { keys, deliveries, comparison } = finished;
    const resumed = result.resumedAfter > 0n ? `, resumed after source position ${result.resumedAfter}` : '';
    const destroyed = keys.destroyed > 0 ? ` (${keys.destroyed} destroyed in the target, as in the source)` : '';
    console.log(
      `copied ${result.copied} events${resumed}, ${keys.kept} personal-data keys${destroyed} and ${deliveries} webhook delivery records from ${from.describe} to ${to.describe}`,
    );
    console.log(`source: ${comparison.sourceEvents} events in ${comparison.streams} streams; target: ${comparison.targetEvents} events`);
    if (comparison.ok) console.log("OK: event counts and every stream's last hash match");
    else {
      console.log(`MISMATCH:\n  ${comparison.mismatches.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all([from.leadership.release(), to.leadership.release(), from.claim.release(), to.claim.release()]);
    await from.closeStore();
    await to.closeStore();
    to.leaveAsFound(); // a refused run leaves the target as it found it
  }
};
