import type { ProjectRole } from '@cf/projects';
import { contactDaysFigures } from './contact-days.js';

const stay = (seq: number, user_id: string, role: ProjectRole, since: string, until: string | null = null) => ({
  seq,
  user_id,
  name: user_id,
  role,
  since,
  until,
});

describe("a month's contact days", () => {
  it('lists the users in the order they joined, not the order they were added', () => {
    // The opener joined the day the project opened; a developer was added afterwards, joining months before.
    const stays = [
      stay(1, 'mgr', 'MANAGER', '2026-12-01'),
      stay(2, 'dev', 'DEVELOPER', '2026-09-01'),
      stay(3, 'ana', 'DEVELOPER', '2026-12-01'),
    ];
    const figures = contactDaysFigures('2026-12', 2, stays, new Map([['mgr', 1]]));
    expect(figures.map((figure) => [figure.developer.userId, figure.days, figure.shortfall])).toEqual([
      ['dev', 0, 2],
      ['mgr', 1, 1],
      ['ana', 0, 2],
    ]);
  });
});
