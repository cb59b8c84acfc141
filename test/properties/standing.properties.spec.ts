import fc from 'fast-check';
import { foldEvents, isDomainError } from '@cf/core';
import {
  type EventStore,
  type NewEvent,
  ProjectionRunner,
  type ReadModelDb,
  SqliteEventStore,
  openSqliteReadModels,
} from '@cf/event-store';
import { budgetDecider } from '../../libs/commitments/domain/budget.decide.js';
import type { BudgetEvent, CommitmentSlot } from '../../libs/commitments/domain/budget.state.js';
import type { BudgetCommand } from '../../libs/commitments/domain/commitments.commands.js';
import { standingsOf } from '../../libs/commitments/domain/commitments.standing.js';
import { commitmentsProjection } from '../../libs/commitments/read-model/commitments.projection.js';
import type { CommitmentRow } from '../../libs/commitments/read-model/commitment-row.js';
import { OPENING_BUDGET, P, REQUESTS, budgetCommands } from './budget-commands.js';
import { moment } from './fold-properties.js';

const metadata = { actor: { userId: 'u-mia', name: 'Mia' }, occurredAt: moment(0), correlationId: 'c' };
const event = (type: string, data: Record<string, unknown>): NewEvent => ({ type, data, metadata });

/** The world beside the budget stream, as its own streams hold it (budget-commands.ts describes it). */
const world = async (store: EventStore): Promise<void> => {
  await store.append(
    `project-${P}`,
    [
      event('ProjectOpened', {
        projectId: P,
        name: 'P',
        customerName: 'C',
        budgetHours: OPENING_BUDGET,
        contactDaysTarget: 2,
        openedBy: metadata.actor,
        at: moment(0),
      }),
    ],
    { expectedLastIndex: 'no_stream' },
  );
  for (const [id, name, canApproveScope] of [
    ['c-dora', 'Dora', true],
    ['c-pat', 'Pat', false],
  ] as const) {
    await store.append(
      `contact-${id}`,
      [event('ContactRegistered', { contactId: id, projectId: P, name, role: 'OTHER', canApproveScope, at: moment(0) })],
      { expectedLastIndex: 'no_stream' },
    );
  }
  for (const [id, channel, by] of [
    ['Q1', 'DIRECT', 'c-dora'],
    ['Q2', 'PROXY', 'c-dora'],
    ['Q3', 'WRITTEN', 'c-pat'],
  ] as const) {
    await store.append(
      `request-${id}`,
      [
        event('RequestRaised', {
          requestId: id,
          projectId: P,
          title: id,
          description: '',
          kind: 'FEATURE',
          channel,
          requestedById: by,
          requirementIds: [],
          at: moment(0),
        }),
      ],
      { expectedLastIndex: 'no_stream' },
    );
  }
};

/** From step `confirmedAt` on, Dora has confirmed Q2 first-hand: decisions after it are told so, as the read models would tell them. */
const withFacts = (command: BudgetCommand, confirmed: boolean): BudgetCommand => {
  if (!confirmed || !('requests' in command) || !command.requests) return command;
  return {
    ...command,
    requests: command.requests.map((r) => (r?.id === 'Q2' ? { ...REQUESTS.Q2, askedWithAuthority: true } : r)),
  } as BudgetCommand;
};

/** Runs the commands in order (refused ones skipped, as the API would), appending to the budget stream and confirming Q2 at its step. */
const play = async (store: EventStore, commands: BudgetCommand[], confirmedAt: number): Promise<BudgetEvent[]> => {
  const events: BudgetEvent[] = [];
  for (const [step, raw] of commands.entries()) {
    if (step === confirmedAt) {
      await store.append(
        'request-Q2',
        [
          event('RequestConfirmed', {
            requestId: 'Q2',
            projectId: P,
            contactId: 'c-dora',
            via: 'SESSION',
            confirmedBy: metadata.actor,
            at: moment(step),
          }),
        ],
        { expectedLastIndex: 0 },
      );
    }
    let decided: BudgetEvent[];
    try {
      decided = budgetDecider.decide(withFacts(raw, step >= confirmedAt), foldEvents(budgetDecider, events));
    } catch (error) {
      if (isDomainError(error)) continue;
      throw error;
    }
    await store.append(
      `budget-${P}`,
      decided.map((e) => event(e.type, e.data as Record<string, unknown>)),
      { expectedLastIndex: events.length - 1 < 0 ? 'no_stream' : events.length - 1 },
    );
    events.push(...decided);
  }
  return events;
};

/** Who asked, judged independently: Q1 first-hand by Dora, Q2 once Dora confirmed it, never Q3; with no request, the contact it was made to. */
const askedOf = (confirmed: boolean) => (slot: CommitmentSlot) => ({
  withAuthority:
    slot.requestIds.length > 0 ? slot.requestIds.some((q) => q === 'Q1' || (q === 'Q2' && confirmed)) : slot.madeToId === 'c-dora',
  askerNames: [],
});

const rowsOf = async (db: ReadModelDb): Promise<CommitmentRow[]> =>
  (await db.selectFrom('commitments').selectAll().orderBy('id').execute()) as CommitmentRow[];

const tables = async (db: ReadModelDb): Promise<string[]> => {
  const all: string[] = [];
  for (const table of commitmentsProjection.tables) {
    all.push(
      ...(await db.selectFrom(table).selectAll().execute()).map((row) => `${table} ${JSON.stringify(row, Object.keys(row).sort())}`).sort(),
    );
  }
  return all;
};

describe("today's standing in the read model (property)", () => {
  it("equals a fresh judgement of today's state in the order commitments were made, and a replay builds the same tables twice", async () => {
    await fc.assert(
      // Pages of one event read every earlier row through SQL; longer pages mix rows from memory and from SQL.
      fc.asyncProperty(budgetCommands, fc.nat(40), fc.constantFrom(1, 7), async (commands, confirmedAt, pageSize) => {
        const store = new SqliteEventStore({ file: ':memory:' });
        const db = openSqliteReadModels(':memory:');
        const runner = new ProjectionRunner(store, db, [commitmentsProjection], pageSize);
        try {
          await runner.migrate();
          await world(store);
          const events = await play(store, commands, confirmedAt);
          await runner.catchUp();
          const fresh = standingsOf(foldEvents(budgetDecider, events), OPENING_BUDGET, askedOf(confirmedAt < commands.length));
          for (const row of await rowsOf(db)) {
            const standing = fresh.get(row.id);
            const judged = {
              outsideRequirements: row.current_outside_requirements === 1,
              outsideBudget: row.current_outside_budget === 1,
              exceedsBudgetByHours: row.current_exceeds_budget_by_hours,
              madeWithoutAuthority: row.current_made_without_authority === 1,
              requestedWithoutAuthority: row.current_requested_without_authority === 1,
            };
            if (!standing) expect({ id: row.id, active: row.active, judged }).toMatchObject({ id: row.id, active: 0 });
            else {
              const { reasons: _reasons, ...flags } = standing;
              expect({ id: row.id, judged }).toEqual({ id: row.id, judged: flags });
            }
          }
          const live = await tables(db);
          for (const round of [1, 2]) {
            await runner.reset(commitmentsProjection.name);
            await runner.catchUp();
            expect({ round, tables: await tables(db) }).toEqual({ round, tables: live });
          }
        } finally {
          await db.destroy();
          await store.close();
        }
      }),
      // Enough runs that a cover ended in the middle of the draw order is met (a few seconds).
      { numRuns: 250 },
    );
  });
});
