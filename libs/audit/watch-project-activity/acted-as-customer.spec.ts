import type { MemberStayRow } from '@cf/projects';
import { actedAsCustomer } from './activity-summary.js';

describe('who the activity feed does not name', () => {
  const stay = (user_id: string, role: MemberStayRow['role']) => ({ user_id, role });

  it('is one who has been a CUSTOMER member of the project, removed or forgotten since as well', () => {
    expect(actedAsCustomer([stay('cora', 'CUSTOMER')], 'cora')).toBe(true);
    expect(actedAsCustomer([stay('dan', 'DEVELOPER'), stay('cora', 'CUSTOMER')], 'cora')).toBe(true);
  });

  it('is not a team member, nor one the project holds no stay of', () => {
    expect(actedAsCustomer([stay('dan', 'DEVELOPER'), stay('cora', 'CUSTOMER')], 'dan')).toBe(false);
    expect(actedAsCustomer([], 'dan')).toBe(false);
  });
});
