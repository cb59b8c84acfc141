import { wasForgotten } from '@cf/contacts';
import type { EventStore } from '@cf/event-store';
import type { KeyStore } from '@cf/personal-data';

export interface CarriedKeys {
  /** Keys the target holds now, as the source does. */
  kept: number;
  /** Keys the target held that the source has destroyed (or is destroying) since an earlier copy. */
  destroyed: number;
}

/**
 * Leaves the target holding the source's keys and no other: a key the source has destroyed must
 * not survive in a copy, so a resumed migrate destroys it there too, whether the source destroyed
 * it before or after the copy of the ContactForgotten that decided it. A key the source still holds
 * but marks as being forgotten is left out when the copied log holds that ContactForgotten: a
 * crash between the append and the destruction left it, and the source's next start destroys it.
 * forgetContact marks before it appends, so an unmarked key is never of a forgotten contact; and
 * the target's own log decides, so the copy forgets no one its log does not say was forgotten.
 * A key the target holds and the source never had is of no copied event (the log is a prefix of
 * the source's): destroying it loses nothing.
 */
export const carryKeys = async (source: KeyStore, target: KeyStore, copiedLog: EventStore): Promise<CarriedKeys> => {
  const forgotten = new Set<string>();
  for (const subjectId of await source.markedForgetting()) {
    if (await wasForgotten(copiedLog, subjectId)) forgotten.add(subjectId);
  }
  const keys = (await source.entries()).filter((key) => !forgotten.has(key.subjectId));
  await target.put(keys);
  const kept = new Set(keys.map((key) => key.subjectId));
  let destroyed = 0;
  for (const { subjectId } of await target.entries()) {
    if (kept.has(subjectId)) continue;
    await target.destroy(subjectId);
    destroyed += 1;
  }
  return { kept: keys.length, destroyed };
};
