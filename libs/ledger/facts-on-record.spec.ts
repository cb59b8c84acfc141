import { type Decider, DomainError } from '@cf/core';
import { type CommandResult, RACE_TRIES } from '@cf/event-store';
import type { Caller } from './caller.js';
import type { EventSourcing } from './event-sourcing.service.js';
import { FactsOnRecord, executeOnRecord } from './facts-on-record.js';
import { StreamLanes } from './stream-lanes.js';

type Command = { type: 'Note'; at: string; contactIndex: number };
const decider: Decider<Command, { type: 'Noted'; data: Record<string, unknown> }, number> = {
  initialState: () => -1,
  evolve: (_state, event) => Number(event.data.index),
  decide: () => [],
};
const done: CommandResult = { stream: 'note-1', lastIndex: 0, position: 1n, replayed: false };
/** What asPortalRevision makes of an append refused because `stream` moved (its cause names the stream). */
const movedConflict = (stream: string): DomainError => {
  const stale = DomainError.staleEntity('Contact', stream.slice(8), 3);
  stale.cause = DomainError.conflict(stream, 2);
  return stale;
};

/** An EventSourcing whose contact stream reads at one more index on every fold, and whose appends answer `answers` in turn. */
const eventSourcingAnswering = (...answers: (DomainError | CommandResult)[]) => {
  let index = 0;
  const appends: { unmoved: unknown }[] = [];
  const lanes = new StreamLanes(1_000);
  const fake = {
    enterLane: (stream: string) => lanes.enter(stream),
    fold: async () => ({ state: index, lastIndex: index++ }),
    execute: async (_decider: unknown, _stream: string, _command: unknown, _context: unknown, options: { unmoved?: unknown }) => {
      appends.push({ unmoved: options.unmoved });
      const answer = answers[appends.length - 1];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as EventSourcingOnRecord;
  return { fake, appends, lanes };
};

type EventSourcingOnRecord = Pick<EventSourcing, 'fold' | 'execute' | 'enterLane'>;

const run = (eventSourcing: EventSourcingOnRecord) =>
  executeOnRecord(
    eventSourcing,
    decider,
    'note-1',
    async (onRecord) => ({ type: 'Note' as const, contactIndex: (await onRecord.fold(decider, 'contact-c1')).lastIndex }),
    { caller: {} as Caller },
  );

describe('FactsOnRecord', () => {
  it('folds a stream once per decider in one decision, and holds it at the index it read', async () => {
    const { fake } = eventSourcingAnswering();
    const onRecord = new FactsOnRecord(fake);
    const other = { ...decider };
    const [first, again, byOther] = await Promise.all([
      onRecord.fold(decider, 'contact-c1'),
      onRecord.fold(decider, 'contact-c1'),
      onRecord.fold(other, 'contact-c1'),
    ]);
    expect([first.lastIndex, again.lastIndex, byOther.lastIndex]).toEqual([0, 0, 1]);
    expect(onRecord.unmoved).toEqual([{ stream: 'contact-c1', lastIndex: 0 }]);
  });
});

describe('executeOnRecord', () => {
  it('holds the facts it read unmoved, and decides again on fresh ones when one moved', async () => {
    const { fake, appends } = eventSourcingAnswering(movedConflict('contact-c1'), done);
    await expect(run(fake)).resolves.toEqual(done);
    expect(appends).toEqual([{ unmoved: [{ stream: 'contact-c1', lastIndex: 0 }] }, { unmoved: [{ stream: 'contact-c1', lastIndex: 1 }] }]);
  });

  it('gives up after RACE_TRIES tries with the CONFLICT', async () => {
    const { fake, appends } = eventSourcingAnswering(...Array.from({ length: RACE_TRIES }, () => movedConflict('contact-c1')));
    await expect(run(fake)).rejects.toMatchObject({ code: 'CONFLICT', details: { entity: 'Contact', id: 'c1' } });
    expect(appends).toHaveLength(RACE_TRIES);
  });

  it("holds the stream's turn while it reads its facts and decides, and lets it go however it ends", async () => {
    const { fake, lanes, appends } = eventSourcingAnswering(movedConflict('contact-c1'), done, DomainError.staleEntity('Contact', 'c1', 3));
    const first = run(fake);
    const appendsBeforeNextTurn = lanes.enter('note-1').then((lane) => {
      lane.release();
      return appends.length;
    });
    await expect(first).resolves.toEqual(done);
    expect(await appendsBeforeNextTurn).toBe(2);
    await expect(run(fake)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(lanes.busyStreams).toBe(0);
  });

  it("never takes again a sender's stale revision, a conflict on its own stream or on a stream it did not read", async () => {
    for (const refusal of [
      DomainError.staleEntity('Contact', 'c1', 3), // a decider's: no cause
      movedConflict('note-1'),
      movedConflict('contact-c2'),
      DomainError.ruleViolated('contactNotForgotten', 'Forgotten'),
    ]) {
      const { fake, appends } = eventSourcingAnswering(refusal, done);
      await expect(run(fake)).rejects.toBe(refusal);
      expect(appends).toHaveLength(1);
    }
  });
});
