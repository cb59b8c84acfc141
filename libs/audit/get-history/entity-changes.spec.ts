import { changesPerEvent } from './entity-changes.js';

describe('changesPerEvent', () => {
  it('gives every field of the first event, then only what differs; listed changes are taken as they are', () => {
    const changes = changesPerEvent('requirement', [
      {
        type: 'RequirementAdded',
        data: { requirementId: 'r', title: 'Upload', estimateHours: 40, trigger: { kind: 'INTERNAL' }, revision: 1, at: 't1' },
      },
      {
        type: 'RequirementRevised',
        data: {
          requirementId: 'r',
          title: 'Upload',
          estimateHours: 48,
          revision: 2,
          at: 't2',
          changes: [{ field: 'estimateHours', from: 40, to: 48 }],
        },
      },
      { type: 'RequirementRenamed', data: { requirementId: 'r', title: 'Bulk upload', note: 'ok', at: 't3' } },
    ]);
    expect(changes[0]).toEqual([
      { field: 'requirementId', from: null, to: 'r' },
      { field: 'title', from: null, to: 'Upload' },
      { field: 'estimateHours', from: null, to: '40' },
      { field: 'trigger', from: null, to: '{"kind":"INTERNAL"}' },
    ]);
    expect(changes[1]).toEqual([{ field: 'estimateHours', from: '40', to: '48' }]);
    expect(changes[2]).toEqual([
      { field: 'title', from: 'Upload', to: 'Bulk upload' },
      { field: 'note', from: null, to: 'ok' },
    ]);
  });

  it('records an event about a part of the entity (a member of a project) as that part, all new', () => {
    const changes = changesPerEvent('project', [
      { type: 'ProjectOpened', data: { projectId: 'p', name: 'Portal', at: 't1' } },
      { type: 'MemberAdded', data: { projectId: 'p', userId: 'dev', name: 'Dev' } },
      { type: 'MemberAdded', data: { projectId: 'p', userId: 'aud', name: 'Aud' } },
    ]);
    expect(changes[1]).toEqual([
      { field: 'member.userId', from: null, to: 'dev' },
      { field: 'member.name', from: null, to: 'Dev' },
    ]);
    expect(changes[2]).toEqual([
      { field: 'member.userId', from: null, to: 'aud' },
      { field: 'member.name', from: null, to: 'Aud' },
    ]);
    expect(changesPerEvent('session', [{ type: 'ContactSessionLogged', data: { days: 1 } }])[0]).toEqual([
      { field: 'days', from: null, to: '1' },
    ]);
  });
});
