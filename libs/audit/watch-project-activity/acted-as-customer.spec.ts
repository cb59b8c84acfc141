import type { MemberStayRow } from '@cf/projects';
import { actedAsCustomer } from './activity-summary.js';

describe('who the activity feed does not name', () => {
  const stay = (user_id: string, role: MemberStayRow['role'], seq: number) => ({ user_id, role, seq });

  it('is one whose stay in force at the event was as a CUSTOMER member, removed or forgotten since as well', () => {
    expect(actedAsCustomer([stay('cora', 'CUSTOMER', 3)], 'cora', 7n)).toBe(true);
    expect(actedAsCustomer([stay('dan', 'DEVELOPER', 1), stay('cora', 'CUSTOMER', 3)], 'cora', 7n)).toBe(true);
  });

  it('is not a team member, nor one the project holds no stay of by then', () => {
    expect(actedAsCustomer([stay('dan', 'DEVELOPER', 1), stay('cora', 'CUSTOMER', 3)], 'dan', 7n)).toBe(false);
    expect(actedAsCustomer([stay('cora', 'CUSTOMER', 9)], 'cora', 7n)).toBe(false);
    expect(actedAsCustomer([], 'dan', 7n)).toBe(false);
  });

  it('names one made a team member again for what they do then, and not for what they did as a customer', () => {
    const stays = [stay('cora', 'CUSTOMER', 3), stay('cora', 'DEVELOPER', 8)];
    expect(actedAsCustomer(stays, 'cora', 7n)).toBe(true);
    expect(actedAsCustomer(stays, 'cora', 9n)).toBe(false);
  });
});
