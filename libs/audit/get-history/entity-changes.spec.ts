import { changesPerEvent } from './entity-changes.js';
import { changesPerKind, changesPerKindAsRead } from './changes-per-kind.js';

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

  it("states every revision's own reason (never as a change from the last one) and what else it moved, beside its listed changes", () => {
    const revised = (estimateHours: number, reason: string, atDecision: object) => ({
      type: 'CommitmentRevised',
      data: {
        commitmentId: 'c',
        estimateHours,
        reason,
        atDecision,
        by: { userId: 'mia' },
        changes: [{ field: 'estimateHours', from: 45, to: estimateHours }],
      },
    });
    const changes = changesPerEvent('commitment', [
      {
        type: 'CommitmentMade',
        data: { commitmentId: 'c', estimateHours: 45, atDecision: { outsideBudget: true }, dueDate: '2025-05-01' },
      },
      revised(20, 'Trimmed', { outsideBudget: false }),
      revised(20, 'Trimmed', { outsideBudget: false }),
      { type: 'CommitmentRevised', data: { commitmentId: 'c', dueDate: null, reason: null, changes: [] } },
    ]);
    expect(changes[1]).toEqual([
      { field: 'estimateHours', from: '45', to: '20' },
      { field: 'reason', from: null, to: 'Trimmed' },
      { field: 'atDecision', from: '{"outsideBudget":true}', to: '{"outsideBudget":false}' },
    ]);
    expect(changes[2]).toEqual([
      { field: 'estimateHours', from: '45', to: '20' },
      { field: 'reason', from: null, to: 'Trimmed' },
    ]);
    expect(changes[3]).toEqual([{ field: 'dueDate', from: '2025-05-01', to: null }]);
  });

  it('states a status a decision moves by its type, and a revision that moves it on', () => {
    const changes = changesPerEvent(
      'commitment',
      [
        { type: 'CommitmentMade', data: { commitmentId: 'c', status: 'PENDING_APPROVAL', dueDate: null } },
        { type: 'CommitmentApproved', data: { commitmentId: 'c', note: 'ok' } },
        {
          type: 'CommitmentRevised',
          data: {
            commitmentId: 'c',
            status: 'APPROVED',
            dueDate: '2025-06-01',
            changes: [{ field: 'dueDate', from: null, to: '2025-06-01' }],
          },
        },
        {
          type: 'CommitmentRevised',
          data: {
            commitmentId: 'c',
            status: 'PENDING_APPROVAL',
            estimateHours: 90,
            changes: [{ field: 'estimateHours', from: 10, to: 90 }],
          },
        },
      ],
      { statedByType: { CommitmentApproved: { status: 'APPROVED' } } },
    );
    expect(changes[1]).toEqual([
      { field: 'note', from: null, to: 'ok' },
      { field: 'status', from: 'PENDING_APPROVAL', to: 'APPROVED' },
    ]);
    expect(changes[2]).toEqual([{ field: 'dueDate', from: null, to: '2025-06-01' }]);
    expect(changes[3]).toEqual([
      { field: 'estimateHours', from: '10', to: '90' },
      { field: 'status', from: 'APPROVED', to: 'PENDING_APPROVAL' },
    ]);
  });

  it('reads a from/to pair of an event about a part as one field of the entity that moved (a change order moves budgetHours)', () => {
    const changes = changesPerEvent('project', [
      { type: 'ProjectOpened', data: { projectId: 'p', name: 'Portal', budgetHours: 100, at: 't1' } },
      { type: 'BudgetChanged', data: { projectId: 'p', fromHours: 100, toHours: 120, reason: 'Change order 7', at: 't2' } },
      { type: 'BudgetChanged', data: { projectId: 'p', fromHours: 120, toHours: 110, reason: 'Cut', at: 't3' } },
    ]);
    expect(changes[1]).toEqual([
      { field: 'budgetHours', from: '100', to: '120' },
      { field: 'budget.reason', from: null, to: 'Change order 7' },
    ]);
    expect(changes[2]).toEqual([
      { field: 'budgetHours', from: '120', to: '110' },
      { field: 'budget.reason', from: null, to: 'Cut' },
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

  it("folds each kind of an entity's events on its own: a status report on a requirement is no change of it", () => {
    const changes = changesPerKind([
      { kind: 'requirement', type: 'RequirementAdded', data: { title: 'Upload', estimateHours: 40 } },
      { kind: 'status', type: 'StatusReported', data: { toldStatus: 'ON_TRACK', title: 'R1: Upload' } },
      { kind: 'requirement', type: 'RequirementRevised', data: { title: 'Upload', estimateHours: 48 } },
      { kind: 'status', type: 'StatusReported', data: { toldStatus: 'AT_RISK', title: 'R1: Upload' } },
    ]);
    expect(changes[1]).toEqual([
      { field: 'toldStatus', from: null, to: 'ON_TRACK' },
      { field: 'title', from: null, to: 'R1: Upload' },
    ]);
    expect(changes[2]).toEqual([{ field: 'estimateHours', from: '40', to: '48' }]);
    expect(changes[3]).toEqual([{ field: 'toldStatus', from: 'ON_TRACK', to: 'AT_RISK' }]);
  });

  it('folds what each contact was told on its own: a report to Ida is no revision of the report to Hans', () => {
    const changes = changesPerKind([
      { kind: 'status', type: 'StatusReported', data: { toldToId: 'hans', toldStatus: 'LATE', message: 'We are late' } },
      { kind: 'status', type: 'StatusReported', data: { toldToId: 'ida', toldStatus: 'ON_TRACK', message: 'We are late' } },
      { kind: 'status', type: 'StatusReported', data: { toldToId: 'hans', toldStatus: 'ON_TRACK', message: 'We are late' } },
    ]);
    expect(changes[1]).toEqual([
      { field: 'toldToId', from: null, to: 'ida' },
      { field: 'toldStatus', from: null, to: 'ON_TRACK' },
      { field: 'message', from: null, to: 'We are late' },
    ]);
    expect(changes[2]).toEqual([{ field: 'toldStatus', from: 'LATE', to: 'ON_TRACK' }]);
  });

  it('clears what a whole statement leaves out that the last of its type said, and only for such types', () => {
    const events = [
      { type: 'StatusReported', data: { toldStatus: 'ON_TRACK', toldPercentComplete: 60 } },
      { type: 'StatusReported', data: { toldStatus: 'DONE' } },
      { type: 'StatusReported', data: { toldStatus: 'DONE', toldPercentComplete: 100 } },
    ];
    expect(changesPerEvent('status', events, { statements: new Set(['StatusReported']) }).slice(1)).toEqual([
      [
        { field: 'toldStatus', from: 'ON_TRACK', to: 'DONE' },
        { field: 'toldPercentComplete', from: '60', to: null },
      ],
      [{ field: 'toldPercentComplete', from: null, to: '100' }],
    ]);
    expect(changesPerEvent('status', events)[1]).toEqual([{ field: 'toldStatus', from: 'ON_TRACK', to: 'DONE' }]);
  });

  it('counts sealed text as changed only where the text it seals changed, and shows it as stored', () => {
    const event = (by: string, agrees: boolean) => ({
      kind: 'status',
      type: 'StatusAcknowledged',
      data: { by: undefined, agrees, acknowledgedBy: by },
    });
    const stored = [event('enc:v1:c:aaa', false), event('enc:v1:c:bbb', true), event('enc:v1:c:ccc', true)];
    const opened = [event('Carla', false), event('Carla', true), event('Carla K.', true)];
    expect(changesPerKindAsRead(stored, opened)).toEqual([
      [
        { field: 'agrees', from: null, to: 'false' },
        { field: 'acknowledgedBy', from: null, to: 'enc:v1:c:aaa' },
      ],
      [{ field: 'agrees', from: 'false', to: 'true' }],
      [{ field: 'acknowledgedBy', from: 'enc:v1:c:bbb', to: 'enc:v1:c:ccc' }],
    ]);
  });
});
