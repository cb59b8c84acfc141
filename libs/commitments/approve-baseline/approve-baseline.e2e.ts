import { EventSourcing } from '@cf/ledger';
import { projectsReadModel } from '@cf/projects';
import { requirementsReadModel } from '@cf/requirements';
import { type RequirementsWorld, requirementInput, setUpWorld } from '../../../test/fixtures/requirements-world.js';

describe('approveBaseline', () => {
  let w: RequirementsWorld;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await setUpWorld();
    for (const [key, hours] of [
      ['R1', 40],
      ['R2', 30],
      ['R3', 12.5],
    ] as const) {
      ids[key] = (
        await w.portal.ok('AddRequirement', { input: requirementInput(w.projectId, key, hours) }, w.manager)
      ).addRequirement.requirement.id;
    }
    await w.portal.ok('ReviseRequirement', { input: { requirementId: ids.R2, estimateHours: 32, reason: 'Re-estimated' } }, w.developer);
    await w.portal.ok('RemoveRequirement', { input: { requirementId: ids.R3, reason: 'Dropped' } }, w.developer);
  });
  afterAll(() => w.portal.close());

  it('refuses a countersigner who cannot approve scope, writing nothing', async () => {
    const head = await w.head();
    const answer = await w.portal.send(
      'ApproveBaseline',
      { input: { projectId: w.projectId, name: 'v1', countersignedById: w.endUserId } },
      w.manager,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'countersignerCanApproveScope' });
    expect(await w.head()).toBe(head);
  });

  it('refuses a DEVELOPER (FORBIDDEN), writing nothing', async () => {
    const head = await w.head();
    const answer = await w.portal.send(
      'ApproveBaseline',
      { input: { projectId: w.projectId, name: 'v1', countersignedById: w.approverId } },
      w.developer,
    );
    expect(answer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await w.head()).toBe(head);
  });

  it('freezes the live requirements at their revisions; they read inBaseline, the total is their sum', async () => {
    const { approveBaseline } = await w.portal.ok(
      'ApproveBaseline',
      { input: { projectId: w.projectId, name: 'v1', countersignedById: w.approverId } },
      w.manager,
    );
    expect(approveBaseline.baseline).toMatchObject({ name: 'v1', totalHours: 72 });
    expect(approveBaseline.baseline.requirements).toEqual([
      { key: 'R1', revision: 1, estimateHours: 40 },
      { key: 'R2', revision: 2, estimateHours: 32 },
    ]);
    expect(Date.parse(approveBaseline.baseline.approvedAt)).not.toBeNaN();
    // Its history is its approval, in its project's stream: the id the answer gives is one an auditor can look up.
    const { history } = await w.portal.ok('History', { id: approveBaseline.baseline.id }, w.auditor);
    expect(history).toEqual([expect.objectContaining({ type: 'BaselineApproved', actor: { userId: 'ada', name: 'Ada Manager' } })]);
    expect(history[0].changes).toContainEqual({ field: 'baseline.name', from: null, to: 'v1' }); // as its project's history reads it
    for (const [key, inBaseline] of [
      ['R1', true],
      ['R2', true],
      ['R3', false],
    ]) {
      const { requirement } = await w.portal.ok('Requirement', { id: ids[key as string] }, w.auditor);
      expect({ key, inBaseline: requirement.inBaseline }).toEqual({ key, inBaseline });
    }
  });

  it('refuses a second baseline of the same name (baselineNameUnique)', async () => {
    const answer = await w.portal.send(
      'ApproveBaseline',
      { input: { projectId: w.projectId, name: 'V1', countersignedById: w.approverId } },
      w.manager,
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATED', rule: 'baselineNameUnique' });
  });

  it('lists as changes since the baseline only the revisions made after it', async () => {
    const db = w.portal.app.get(EventSourcing).readModels;
    const read = requirementsReadModel(db);
    expect((await read.changesSince(w.projectId, null)).map((c) => `${c.key}@${c.revision}`)).toEqual(['R1@1', 'R2@1', 'R3@1', 'R2@2']);
    const approvedAt = (await projectsReadModel(db).latestBaseline(w.projectId))!.approved_at;
    await w.portal.ok('ReviseRequirement', { input: { requirementId: ids.R1, estimateHours: 44, reason: 'More screens' } }, w.developer);
    const changes = await read.changesSince(w.projectId, approvedAt);
    expect(changes.map((c) => [c.key, c.revision, c.reason])).toEqual([['R1', 2, 'More screens']]);
  });
});
