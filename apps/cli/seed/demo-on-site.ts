import type { SeedClient } from './seed-client.js';
import { type Ids, raiseRequest } from './demo-story-steps.js';

/**
 * Two days on site: the end users ask directly, a proxy's request turns out to mean another,
 * a requirement grows, and the developer promises 150 hours the budget does not hold.
 */
export const twoDaysOnSite = async (client: SeedClient, ids: Ids): Promise<void> => {
  const mutate = client.mutate.bind(client);
  const request = (key: string, input: Record<string, unknown>) => raiseRequest(client, ids, key, input);
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
};
