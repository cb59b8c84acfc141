import type { PositionedEvent } from '@cf/event-store';
import type { ProjectEvent } from '../domain/projects.events.js';
import { memberStaysDecider, stayOn, staysThroughout } from './member-stays-on-record.js';

const recorded = '2026-03-10T09:00:00.000Z';
const event = (type: ProjectEvent['type'], data: Record<string, unknown>): PositionedEvent<ProjectEvent> =>
  ({ type, data: { projectId: 'p-1', ...data }, position: 1n, occurredAt: recorded }) as PositionedEvent<ProjectEvent>;
const fold = (...events: PositionedEvent<ProjectEvent>[]) => events.reduce(memberStaysDecider.evolve, memberStaysDecider.initialState());

describe('a member’s stays, from the project’s stream', () => {
  const stays = fold(
    event('ProjectOpened', { openedBy: { userId: 'mia', name: 'Mia' }, at: '2026-01-05T08:00:00.000Z' }),
    event('MemberAdded', { userId: 'dan', name: 'Dan', role: 'DEVELOPER', since: '2026-02-01' }),
    event('MemberRemoved', { userId: 'dan', reason: 'Left', until: '2026-02-20', at: recorded }),
    event('MemberAdded', { userId: 'dan', name: 'Dan', role: 'MANAGER', since: '2026-03-01' }),
    event('MemberAdded', { userId: 'old', name: 'Old', role: 'DEVELOPER' }),
  );

  it('keeps every stay, the opener’s from the day the project was opened, one without a day from the day it was recorded', () => {
    expect(stays.mia).toEqual([{ name: 'Mia', role: 'MANAGER', since: '2026-01-05', until: null }]);
    expect(stays.dan).toEqual([
      { name: 'Dan', role: 'DEVELOPER', since: '2026-02-01', until: '2026-02-20' },
      { name: 'Dan', role: 'MANAGER', since: '2026-03-01', until: null },
    ]);
    expect(stays.old).toEqual([{ name: 'Old', role: 'DEVELOPER', since: '2026-03-10', until: null }]);
  });

  it('names the stay that covers a day, the first one before their first day, and none between two stays', () => {
    expect(stayOn(stays.dan, '2026-02-10')?.role).toBe('DEVELOPER');
    expect(stayOn(stays.dan, '2026-03-05')?.role).toBe('MANAGER');
    expect(stayOn(stays.dan, '2026-01-15')?.role).toBe('DEVELOPER'); // met the customer before they were added
    expect(stayOn(stays.dan, '2026-02-25')).toBeUndefined();
    expect(stayOn([], '2026-02-25')).toBeUndefined();
  });

  it('names the stay of each day only when each day has one', () => {
    expect(staysThroughout(stays.dan, ['2026-02-19', '2026-02-20'])?.map((stay) => stay.role)).toEqual(['DEVELOPER', 'DEVELOPER']);
    expect(staysThroughout(stays.dan, ['2026-02-20', '2026-02-21'])).toBeUndefined();
    expect(staysThroughout(stays.dan, ['2026-01-31', '2026-02-01'])?.map((stay) => stay.role)).toEqual(['DEVELOPER', 'DEVELOPER']);
  });
});
