import { type EventStore, requireWholeLog } from '@cf/event-store';
import { StreamingChainCheck, brokenChainRefusal } from './chain-check.js';
import { appendBatch, appendBatches, eventsAfter } from './event-batches.js';

export interface MigrateOptions {
  /** Stop after about this many events (at a command's boundary): to test resuming. */
  limit?: number;
  /** How the target names the job filling it until it ends (UnfinishedFill). */
  job?: string;
  /**
   * What else the job must do before the target is whole (migrate's keys, delivery record and
   * comparison): the target stays marked unfinished unless it resolves true.
   */
  finish?: () => Promise<boolean>;
  onProgress?: (sourcePosition: bigint, copied: number) => void;
}

export interface MigrateResult {
  /** The source position the copy started after (0 for a fresh target). */
  resumedAfter: bigint;
  copied: number;
  /** False when the limit stopped the copy before the source's end. */
  complete: boolean;
}

/**
 * Where to resume, derived from the target alone: after its last event, once the target is a copy
 * of the source's beginning — the same events (stream, revision, hash) at the same positions, as
 * migrate keeps them. Checked event by event before anything is written: a target that merely ends
 * with one of the source's events (a one-project import renumbers positions) holds another log,
 * and keys or delivery records written into it would belong to neither. Appends are atomic, so a
 * copy never holds half a command. No marker to keep in step.
 */
export const resumePoint = async (source: EventStore, target: EventStore): Promise<bigint> => {
  const originals = eventsAfter(source);
  let copiedUpTo = 0n;
  for await (const copy of eventsAfter(target)) {
    const { value: original } = await originals.next();
    const same =
      original?.position === copy.position &&
      original.stream === copy.stream &&
      original.indexInStream === copy.indexInStream &&
      original.hash === copy.hash;
    if (!same)
      throw new Error(
        `the target (--to) is not empty and is not a copy of the source's beginning (position ${copy.position} differs): refusing to migrate into it; nothing was copied`,
      );
    copiedUpTo = copy.position;
  }
  await originals.return(undefined);
  return copiedUpTo;
};

/**
 * Every chain of the source must hold before anything is copied: the target computes its own
 * hashes over what it is given, so an event altered in the source would come out with a sound
 * chain on the other side. Checked whole on every run, resumed ones too (streaming, one link per
 * stream in memory), as import checks its file.
 */
const requireSourceChains = async (source: EventStore): Promise<void> => {
  const check = new StreamingChainCheck();
  for await (const event of eventsAfter(source)) {
    const broken = check.check(event);
    if (broken) throw brokenChainRefusal(broken, 'nothing was copied');
  }
};

/** Copies every event after the resume point in global order, one command per append, once the source's chains hold. */
export const migrateEvents = async (
  source: EventStore,
  /** Opened once the source's chains hold: opening a store makes it (a schema, an events.sqlite), which a refusal must not leave. */
  openTarget: () => EventStore,
  options: MigrateOptions = {},
): Promise<MigrateResult> => {
  // A source itself only begun would be copied as if whole.
  await requireWholeLog(source);
  await requireSourceChains(source);
  const target = openTarget();
  const resumedAfter = await resumePoint(source, target);
  // Until the copy ends the target is only the source's beginning: nothing may serve it (UnfinishedFill).
  await target.markFill(options.job ?? 'migrate');
  let copied = 0;
  for await (const batch of appendBatches(eventsAfter(source, resumedAfter))) {
    if (options.limit !== undefined && copied >= options.limit) return { resumedAfter, copied, complete: false };
    await appendBatch(target, batch);
    copied += batch.length;
    options.onProgress?.(batch[batch.length - 1].position, copied);
  }
  if (!options.finish || (await options.finish())) await target.markFill(undefined);
  return { resumedAfter, copied, complete: true };
};
