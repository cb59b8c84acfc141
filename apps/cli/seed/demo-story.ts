import { CONTACTS, DEMO_PROJECT_ID, TEAM } from './demo-people.js';
import type { SeedClient } from './seed-client.js';

type Ids = Record<string, string>;

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

  const request = async (key: string, input: Record<string, unknown>) =>
    (ids[key] = (
      await mutate('jonas', 'raiseRequest', 'RaiseRequestInput', { projectId: ids.project, ...input }, 'request { id }')
    ).request.id);
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

  ids.day1 = (
    await mutate(
      'jonas',
      'logContactSession',
      'LogContactSessionInput',
      {
        projectId: ids.project,
        date: '2026-03-02',
        days: 1,
        kind: 'ON_SITE',
        developerIds: ['jonas'],
        contactIds: [ids.erik, ids.sven],
        notes: 'First day with the claims team.',
      },
      'session { id }',
    )
  ).session.id;
  await request('bulkUpload', {
    title: 'Bulk upload of scanned letters',
    description: 'Erik receives 300 letters a day and scans them in batches.',
    kind: 'FEATURE',
    channel: 'DIRECT',
    requestedById: ids.erik,
    sessionId: ids.day1,
  });
  await mutate(
    'jonas',
    'respondToRequest',
    'RespondToRequestInput',
    { requestId: ids.excelExport, stance: 'CLARIFY', message: 'Erik on site: what they need is the bulk upload, not Excel.' },
    'request { id }',
  );
  await mutate(
    'jonas',
    'reviseRequirement',
    'ReviseRequirementInput',
    {
      requirementId: ids.R2,
      estimateHours: 110,
      text: 'Document upload, including batches of scanned letters.',
      reason: 'Scanned letters arrive in batches and need an OCR queue',
      sessionId: ids.day1,
    },
    'requirement { id }',
  );

  ids.day2 = (
    await mutate(
      'jonas',
      'logContactSession',
      'LogContactSessionInput',
      {
        projectId: ids.project,
        date: '2026-03-03',
        days: 1,
        kind: 'WORKSHOP',
        developerIds: ['jonas'],
        contactIds: [ids.erik],
        notes: 'Workshop on the upload flow.',
      },
      'session { id }',
    )
  ).session.id;
  await request('phoneUpload', {
    title: 'Photo upload from the phone',
    description: 'Adjusters want to photograph damage on site.',
    kind: 'FEATURE',
    channel: 'DIRECT',
    requestedById: ids.erik,
    sessionId: ids.day2,
  });
  await mutate(
    'jonas',
    'respondToRequest',
    'RespondToRequestInput',
    { requestId: ids.bulkUpload, stance: 'ESTIMATE', message: 'Bulk upload with OCR: about 150 hours.', estimateHours: 150 },
    'request { id }',
  );
  await mutate(
    'jonas',
    'reviseRequirement',
    'ReviseRequirementInput',
    {
      requirementId: ids.R3,
      title: 'Status notifications by SMS and e-mail',
      reason: 'Adjusters work from their phones',
      requestId: ids.phoneUpload,
    },
    'requirement { id }',
  );
  ids.onSitePromise = (
    await mutate(
      'jonas',
      'makeCommitment',
      'MakeCommitmentInput',
      {
        projectId: ids.project,
        summary: 'Bulk upload with OCR by the end of March',
        madeToId: ids.erik,
        requestIds: [ids.bulkUpload],
        estimateHours: 150,
        dueDate: '2026-03-31',
        sessionId: ids.day2,
      },
      'commitment { id }',
    )
  ).commitment.id;

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
