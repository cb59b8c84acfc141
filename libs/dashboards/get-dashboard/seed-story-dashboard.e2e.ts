import { tellDemoStory } from '../../../apps/cli/seed/demo-story.js';
import { SeedClient } from '../../../apps/cli/seed/seed-client.js';
import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** The seed story (a developer's first two days on site), as the dashboards show it over HTTP. */
describe('the dashboards of the seed story', () => {
  let portal: Portal;
  let ids: Record<string, string>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    portal = await startPortal();
    for (const [user, name] of [
      ['maria', 'Maria Manager'],
      ['jonas', 'Jonas Developer'],
      ['ines', 'Ines Auditor'],
    ]) {
      tokens[user] = await portal.tokenFor(user, name);
    }
    ids = await tellDemoStory(new SeedClient(portal.url, tokens));
  });
  afterAll(() => portal.close());

  it('shows the exposure, the churn after contact, the contact days, the coverage, the requests and the gap', async () => {
    const { dashboard: d } = await portal.ok('Dashboard', { projectId: ids.project, month: '2026-03' }, tokens.ines);
    // The OCR promise drew 150 h on a reserve of 140 h; the change order of +150 h covers it: outside when made, inside today.
    expect(d.budget).toEqual({ budgetHours: 550, baselineHours: 260, remainingReserveHours: 140, exposureHours: 410 });
    expect(d.commitments).toMatchObject({
      total: 2,
      accepted: 1,
      pendingApproval: 1,
      outsideRequirements: 1,
      outsideBudget: 1,
      madeWithoutAuthority: 1,
      hoursOutsideBudget: 10,
    });
    const standing = (await portal.ok('DashboardStanding', { projectId: ids.project }, tokens.ines)).dashboard.commitments;
    expect(standing).toEqual({
      outsideBudget: 1,
      hoursOutsideBudget: 10,
      madeWithoutAuthority: 1,
      currentlyOutsideBudget: 0,
      currentHoursOutsideBudget: 0,
      awaitingAuthority: 1,
      suspect: 0,
    });
    expect(d.churn).toEqual({
      revisionsSinceBaseline: 2,
      byTrigger: [
        { trigger: 'DIRECT', count: 2 },
        { trigger: 'PROXY', count: 0 },
        { trigger: 'WRITTEN', count: 0 },
        { trigger: 'INTERNAL', count: 0 },
      ],
    });
    expect(d.contactDays).toEqual([{ developer: { userId: 'jonas', name: 'Jonas Developer' }, days: 2, target: 2 }]);
    expect(d.uncontactedDepartments).toEqual(['Finance', 'IT Account Management']);
    expect(d.requests).toMatchObject({
      total: 4,
      open: 2,
      declineRate: 0,
      byChannel: [
        { channel: 'DIRECT', count: 2 },
        { channel: 'PROXY', count: 2 },
        { channel: 'WRITTEN', count: 0 },
      ],
    });
    expect(d.requests.medianHoursToFirstResponse).toBeGreaterThanOrEqual(0);
    expect(d).toMatchObject({ perceptionGapCount: 1, projectionLag: 0 });
  });

  it('shows jonas with 0 days in a month without sessions', async () => {
    const { dashboard } = await portal.ok('Dashboard', { projectId: ids.project, month: '2026-04' }, tokens.maria);
    expect(dashboard.contactDays).toEqual([{ developer: { userId: 'jonas', name: 'Jonas Developer' }, days: 0, target: 2 }]);
  });

  it('lists the perception gap: R2 told ON_TRACK at 60 % while really AT_RISK at 30 %', async () => {
    const { perceptionGaps } = await portal.ok('PerceptionGaps', { projectId: ids.project }, tokens.jonas);
    expect(perceptionGaps).toEqual([
      expect.objectContaining({
        subjectId: ids.R2,
        subjectType: 'REQUIREMENT',
        toldStatus: 'ON_TRACK',
        toldPercentComplete: 60,
        actualStatus: 'AT_RISK',
        actualPercentComplete: 30,
      }),
    ]);
  });

  it('lists the requirement changes since the baseline: R2 after the first day on site, R3 after a direct request', async () => {
    const { requirementChanges } = await portal.ok('RequirementChanges', { projectId: ids.project, sinceBaseline: true }, tokens.ines);
    expect(
      requirementChanges.map((c: { requirement: { key: string }; revision: number; trigger: unknown }) => [
        c.requirement.key,
        c.revision,
        c.trigger,
      ]),
    ).toEqual([
      ['R2', 2, { kind: 'SESSION', channel: 'DIRECT' }],
      ['R3', 2, { kind: 'REQUEST', channel: 'DIRECT' }],
    ]);
    expect(requirementChanges[0]).toMatchObject({
      reason: 'Scanned letters arrive in batches and need an OCR queue',
      requirement: { id: ids.R2 },
    });
    expect(requirementChanges[0].changes).toEqual(expect.arrayContaining([{ field: 'estimateHours', from: '80', to: '110' }]));
    const all = (await portal.ok('RequirementChanges', { projectId: ids.project }, tokens.maria)).requirementChanges;
    expect(all.map((c: { requirement: { key: string }; revision: number }) => `${c.requirement.key}@${c.revision}`)).toEqual([
      'R1@1',
      'R2@1',
      'R3@1',
      'R2@2',
      'R3@2',
    ]);
  });
});
