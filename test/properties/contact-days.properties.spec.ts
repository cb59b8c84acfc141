import fc from 'fast-check';
import { type Decider, isDomainError } from '@cf/core';
import { type SessionCommand, type SessionEvent, type SessionState, sessionDecider } from '@cf/contacts';
import { contactDaysOf, dashboardsProjection } from '@cf/dashboards';
import { type Projection, type ReadModelDb, type RecordedEvent, applyEvents, openSqliteReadModels } from '@cf/event-store';
import { type ProjectCommand, type ProjectEvent, projectsDecider, projectsProjection } from '@cf/projects';

/**
 * Contact days per developer and month, as the dashboards projection keeps them and the
 * dashboard reads them, equal a count made here day by day over the sessions as finally
 * corrected (voided ones left out) and over when each developer was a member.
 */
const P = 'p-1';
const AT = '2026-01-01T12:00:00.000Z';
const actor = { userId: 'mgr', name: 'Mia Manager' };
const DEVELOPERS = ['u-1', 'u-2', 'u-3'];
const TARGET = 2;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

/** A date of 2025, often close to a month's end so that sessions run into the next month. */
const date = fc
  .oneof(
    fc.integer({ min: 0, max: 360 }),
    fc.integer({ min: 0, max: 11 }).chain((m) => fc.constant(m * 30.4 + 27)),
  )
  .map((offset) => new Date(Date.UTC(2025, 0, 1 + Math.floor(offset))).toISOString().slice(0, 10));
const days = fc.integer({ min: 1, max: 12 }).map((halves) => halves / 2);
const developers = fc.subarray(DEVELOPERS, { minLength: 1 });
const stay = fc.record({ since: date, leaves: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }) });
interface Correction {
  session: number;
  date?: string;
  days?: number;
  developers?: string[];
  voided?: boolean;
}
const correction: fc.Arbitrary<Correction> = fc.record({
  session: fc.nat(),
  date: fc.option(date, { nil: undefined }),
  days: fc.option(days, { nil: undefined }),
  developers: fc.option(developers, { nil: undefined }),
  voided: fc.option(fc.boolean(), { nil: undefined }),
});

const decideAll = <C, E, S>(decider: Decider<C, E, S>, commands: readonly C[]): E[] => {
  let state = decider.initialState();
  return commands.flatMap((command) => {
    try {
      const events = decider.decide(command, state);
      state = events.reduce(decider.evolve, state);
      return events;
    } catch (error) {
      if (isDomainError(error)) return []; // refused, as the API would refuse it
      throw error;
    }
  });
};

const projectEvents = (stays: { since: string; leaves?: number }[]): ProjectEvent[] =>
  decideAll(projectsDecider, [
    {
      type: 'OpenProject',
      projectId: P,
      name: 'Portal',
      customerName: 'ACME',
      budgetHours: 100,
      contactDaysTarget: TARGET,
      at: '2024-12-01T09:00:00.000Z',
      actor,
    },
    ...stays.map((s, i): ProjectCommand => ({
      type: 'AddMember',
      projectId: P,
      userId: DEVELOPERS[i],
      name: DEVELOPERS[i],
      role: 'DEVELOPER',
      since: s.since,
      at: AT,
      actor,
    })),
    ...stays.flatMap((s, i): ProjectCommand[] =>
      s.leaves === undefined
        ? []
        : [
            {
              type: 'RemoveMember',
              projectId: P,
              userId: DEVELOPERS[i],
              reason: 'Left',
              at: AT,
              actor,
              until: new Date(Date.parse(`${s.since}T00:00:00Z`) + s.leaves * 86_400_000).toISOString().slice(0, 10),
            },
          ],
    ),
  ]);

/** Only those who joined can attend as developers (the API also holds a session's date to their stays: the figures do not depend on it). */
const sessionEvents = (
  id: string,
  joined: string[],
  logged: { date: string; days: number; developers: string[] },
  corrections: Correction[],
): SessionEvent[] => {
  const member = (userId: string) => (joined.includes(userId) ? { userId, name: userId, role: 'DEVELOPER' as const } : null);
  return decideAll(sessionDecider, [
    {
      type: 'LogContactSession',
      sessionId: id,
      projectId: P,
      ...logged,
      kind: 'ON_SITE',
      developerIds: logged.developers,
      developers: logged.developers.map(member),
      contactIds: ['c-1'],
      contacts: [{ id: 'c-1', projectId: P, name: 'Bea', forgotten: false }],
      at: AT,
      actor,
    },
    ...corrections.map((c): SessionCommand => ({
      type: 'CorrectContactSession',
      sessionId: id,
      reason: 'Corrected',
      date: c.date,
      days: c.days,
      voided: c.voided,
      developerIds: c.developers,
      developers: c.developers?.map(member),
      at: AT,
      actor,
    })),
  ]);
};

/** The count made here: every half day of every not voided session, in the month of its calendar day. */
const expectedDays = (sessions: SessionState[]): Map<string, number> => {
  // Half days per user and calendar day; a day counts at most once, however many sessions fall on it.
  const halves = new Map<string, number>();
  for (const session of sessions.filter((s) => !s.voided)) {
    const [y, m, d] = session.date.split('-').map(Number);
    for (let half = 0; half < session.days * 2; half++) {
      const date = new Date(Date.UTC(y, m - 1, d + Math.floor(half / 2))).toISOString().slice(0, 10);
      for (const { userId } of session.developers) halves.set(`${userId} ${date}`, (halves.get(`${userId} ${date}`) ?? 0) + 1);
    }
  }
  const counted = new Map<string, number>();
  for (const [key, count] of halves) {
    const monthKey = key.slice(0, key.lastIndexOf('-'));
    counted.set(monthKey, (counted.get(monthKey) ?? 0) + Math.min(1, count / 2));
  }
  return counted;
};

/** Whether any day of the month lies within one of the user's stays. */
const memberIn = (events: ProjectEvent[], userId: string, month: string): boolean => {
  const [y, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const added = events.find((e) => e.type === 'MemberAdded' && e.data.userId === userId);
  const removed = events.find((e) => e.type === 'MemberRemoved' && e.data.userId === userId);
  if (!added || added.type !== 'MemberAdded') return false;
  return added.data.since! <= last && (!removed || removed.type !== 'MemberRemoved' || removed.data.until >= first);
};

const project = async (db: ReadModelDb, projections: Projection[], streams: [string, (ProjectEvent | SessionEvent)[]][]): Promise<void> => {
  let position = 0n;
  for (const [stream, events] of streams) {
    for (const [revision, event] of events.entries()) {
      position += 1n;
      const recorded: RecordedEvent = {
        position,
        stream,
        indexInStream: revision,
        type: event.type,
        schemaVersion: 1,
        data: event.data as Record<string, unknown>,
        metadata: { actor, occurredAt: AT, correlationId: 'c' },
        prevHash: '',
        hash: '',
      };
      await db.transaction().execute(async (trx) => {
        for (const projection of projections) await applyEvents(trx, projection, [recorded]);
      });
    }
  }
};

describe('contact days (property)', () => {
  it('equal a day-by-day count over the corrected, not voided sessions, the target applying in months of membership', async () => {
    const scenario = fc.record({
      stays: fc.array(stay, { minLength: 1, maxLength: 3 }),
      sessions: fc.array(fc.record({ date, days, developers }), { minLength: 1, maxLength: 6 }),
      corrections: fc.array(correction, { maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ stays, sessions, corrections }) => {
        const members = projectEvents(stays);
        // Listed in the order they joined (by `since`; added order among equal days).
        const joined = DEVELOPERS.slice(0, stays.length)
          .map((userId, i) => ({ userId, since: stays[i].since }))
          .sort((a, b) => a.since.localeCompare(b.since))
          .map(({ userId }) => userId);
        const logs = sessions.map((logged, i) =>
          sessionEvents(
            `s-${i}`,
            joined,
            logged,
            corrections.filter((c) => c.session % sessions.length === i),
          ),
        );
        const db = openSqliteReadModels(':memory:');
        try {
          for (const projection of [projectsProjection, dashboardsProjection]) await projection.migrate(db);
          await project(
            db,
            [projectsProjection, dashboardsProjection],
            [[`project-${P}`, members], ...logs.map((events, i): [string, SessionEvent[]] => [`session-s-${i}`, events])],
          );
          const counted = expectedDays(logs.map((events) => events.reduce(sessionDecider.evolve, sessionDecider.initialState())));
          for (const month of MONTHS) {
            const expected = joined.flatMap((userId) => {
              const logged = counted.get(`${userId} ${month}`) ?? 0;
              const target = memberIn(members, userId, month) ? TARGET : 0;
              return logged > 0 || target > 0
                ? [{ developer: { userId, name: userId }, days: logged, target, shortfall: Math.max(0, target - logged) }]
                : [];
            });
            expect({ month, figures: await contactDaysOf(db, P, month) }).toEqual({ month, figures: expected });
          }
        } finally {
          await db.destroy();
        }
      }),
      { numRuns: 150 },
    );
  });
});
