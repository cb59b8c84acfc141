import { streamName } from '@cf/core';
import type { PositionedEvent } from '@cf/event-store';
import type { FactsOnRecord } from '@cf/ledger';
import type { ProjectEvent, ProjectRole } from '../domain/projects.events.js';

/** One stay of a user in a project: from `since` to `until` (their last day), open while a member. */
export interface MemberStay {
  readonly name: string;
  readonly role: ProjectRole;
  readonly since: string;
  readonly until: string | null;
}

/** Every stay of every user, in the order they were added. */
type MemberStays = Readonly<Record<string, readonly MemberStay[]>>;

const evolve = (stays: MemberStays, event: PositionedEvent<ProjectEvent>): MemberStays => {
  switch (event.type) {
    case 'ProjectOpened': {
      const { openedBy, at } = event.data;
      return { ...stays, [openedBy.userId]: [{ name: openedBy.name, role: 'MANAGER', since: at.slice(0, 10), until: null }] };
    }
    case 'MemberAdded': {
      const { userId, name, role, since } = event.data;
      // Events recorded before members had a join date count from the day they were recorded.
      const stay = { name, role, since: since ?? event.occurredAt.slice(0, 10), until: null };
      return { ...stays, [userId]: [...(stays[userId] ?? []), stay] };
    }
    case 'MemberRemoved': {
      const { userId, until } = event.data;
      return { ...stays, [userId]: (stays[userId] ?? []).map((stay) => (stay.until === null ? { ...stay, until } : stay)) };
    }
    default:
      return stays;
  }
};

/** Folds a project's stream into its members' stays (its own decider: the fold cache keeps it apart from the project's state). */
export const memberStaysDecider = { initialState: (): MemberStays => ({}), evolve };

/**
 * The stay a session on `date` (a calendar date) names a user by: their latest that covers it,
 * or, on a day before they first joined (they met the customer before they were added here),
 * the one that counts on their first day; none on a day after they left and before they came
 * back. "Before they first joined" is before every day any stay names: a stay from an old log
 * counts from the day it was recorded and may have been ended before it.
 */
export const stayOn = (stays: readonly MemberStay[], date: string): MemberStay | undefined => {
  const on = (day: string) => stays.filter((stay) => stay.since <= day && (stay.until === null || stay.until >= day)).at(-1);
  const days = stays.flatMap((stay) => (stay.until === null ? [stay.since] : [stay.since, stay.until]));
  if (days.length === 0 || days.some((day) => day <= date)) return on(date);
  // On the day one stay ends another may start: the later one counts, as on any day.
  const firstDay = stays.reduce((first, stay) => (stay.since < first ? stay.since : first), stays[0].since);
  return on(firstDay) ?? stays[0];
};

/**
 * The stays a session over `days` (calendar dates) names a user by, one per day (stayOn); undefined
 * when a day has none — a two-day session from their last day runs into a day after they left.
 */
export const staysThroughout = (stays: readonly MemberStay[], days: readonly string[]): MemberStay[] | undefined => {
  const each = days.map((day) => stayOn(stays, day));
  return each.every((stay) => stay !== undefined) ? each : undefined;
};

/** A user's stay on each of `days` from the project's stream, held unmoved till the decision's append; undefined when a day has none. */
export const staysOnRecord = async (
  onRecord: FactsOnRecord,
  projectId: string,
  userId: string,
  days: readonly string[],
): Promise<MemberStay[] | undefined> => {
  const { state } = await onRecord.fold(memberStaysDecider, streamName('project', projectId));
  return staysThroughout(state[userId] ?? [], days);
};
