import { CONTACTS, DEMO_PROJECT_ID, TEAM } from './demo-people.js';
import type { SeedClient } from './seed-client.js';
import { type Ids, raiseRequest } from './demo-story-steps.js';
import { twoDaysOnSite } from './demo-on-site.js';

/**
 * A developer's first two days on a customer's site. Before the visit, requests reached the
 * team through a proxy; on site the end users asked directly, a requirement grew, and the
 * developer promised more than the budget holds. The manager got the customer to sign a change order
 * for that promise (made outside the budget, inside it today), then told them all is well.
 */
export const tellDemoStory = async (client: SeedClient): Promise<Ids> => {
  const ids: Ids = { project: DEMO_PROJECT_ID };
  const mutate = client.mutate.bind(client);
  await mutate(
    'maria',
    'openProject',
    'OpenProjectInput',
    { id: DEMO_PROJECT_ID, name: 'Claims portal', customerName: 'Northwind Insurance', budgetHours: 400 },
    'position',
  );
  for (const member of [TEAM.jonas, TEAM.ines])
    await mutate('maria', 'addMember', 'AddMemberInput', { projectId: ids.project, ...member }, 'position');
  for (const [key, contact] of Object.entries(CONTACTS)) {
    ids[key] = (
      await mutate('maria', 'registerContact', 'RegisterContactInput', { projectId: ids.project, ...contact }, 'contact { id }')
    ).contact.id;
  }
  const requirement = async (key: string, title: string, estimateHours: number) =>
    (ids[key] = (
      await mutate(
        'maria',
        'addRequirement',
        'AddRequirementInput',
        { projectId: ids.project, key, title, text: `${title}, as agreed in the contract.`, estimateHours },
        'requirement { id }',
      )
    ).requirement.id);
  await requirement('R1', 'Claim intake form', 120);
  await requirement('R2', 'Document upload', 80);
  await requirement('R3', 'Status notifications', 60);
  await mutate(
    'maria',
    'approveBaseline',
    'ApproveBaselineInput',
    { projectId: ids.project, name: 'Contract v1', countersignedById: ids.sven },
    'baseline { id }',
  );
  await mutate(
    'maria',
    'makeCommitment',
    'MakeCommitmentInput',
    { projectId: ids.project, summary: 'Claim intake form as specified', madeToId: ids.sven, requirementIds: [ids.R1], estimateHours: 120 },
    'commitment { id }',
  );

  const request = (key: string, input: Record<string, unknown>) => raiseRequest(client, ids, key, input);
  await request('excelExport', {
    title: 'Export claims to Excel',
    description: 'Paula says the claims team needs an Excel export.',
    kind: 'FEATURE',
    channel: 'PROXY',
    requestedById: ids.erik,
    relayedById: ids.paula,
  });
  await request('fasterLogin', {
    title: 'Faster login',
    description: 'Paula reports that logging in takes too long.',
    kind: 'CHANGE',
    channel: 'PROXY',
    requestedById: ids.sven,
    relayedById: ids.paula,
  });

  await twoDaysOnSite(client, ids);

  await mutate(
    'maria',
    'changeBudget',
    'ChangeBudgetInput',
    {
      projectId: ids.project,
      budgetHours: 550,
      reason: 'Change order 1: bulk upload with OCR, signed by Sven',
      coversCommitmentIds: [ids.onSitePromise],
      countersignedById: ids.sven,
    },
    'position',
  );

  await mutate(
    'maria',
    'reportStatus',
    'ReportStatusInput',
    {
      projectId: ids.project,
      subjectId: ids.R2,
      toldStatus: 'ON_TRACK',
      toldPercentComplete: 60,
      toldToId: ids.sven,
      message: 'Document upload is on track.',
    },
    'position',
  );
  await mutate(
    'jonas',
    'assessStatus',
    'AssessStatusInput',
    {
      projectId: ids.project,
      subjectId: ids.R2,
      actualStatus: 'AT_RISK',
      actualPercentComplete: 30,
      note: 'The OCR queue is not started; the batch format is still unknown.',
    },
    'position',
  );
  return ids;
};
