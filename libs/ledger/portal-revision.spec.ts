import { DomainError } from '@cf/core';
import { asPortalRevision } from './portal-revision.js';

describe('a CONFLICT as the portal reads it', () => {
  it("names the entity and the portal's revision, and tells a lost race from a stale revision", () => {
    expect(asPortalRevision(DomainError.conflict('budget-p1', 29))).toMatchObject({
      code: 'CONFLICT',
      message: 'ProjectBudget p1 was changed by someone else; it is now at revision 30',
      details: { entity: 'ProjectBudget', id: 'p1', currentRevision: 30 },
    });
    expect(asPortalRevision(DomainError.conflict('budget-p1', 29, { lostRace: true }))).toMatchObject({
      code: 'CONFLICT',
      message:
        'ProjectBudget p1 was changed by other commands while this one was decided; it is now at revision 30: nothing was done, send it again',
      details: { entity: 'ProjectBudget', id: 'p1', currentRevision: 30 },
    });
  });
});
