import type { Portal } from '../harness/portal-harness.js';

/** One project with one of each entity, owned by its own manager. */
export interface FuzzProject {
  token: string;
  projectId: string;
  contactId: string;
  sessionId: string;
  requestId: string;
  requirementId: string;
  commitmentId: string;
}

/** Two projects with different managers: ids of one are "another project's" for the other. */
export interface FuzzWorld {
  mine: FuzzProject;
  theirs: FuzzProject;
  /** A signed-in user who is a member of nothing. */
  strangerToken: string;
}

const setUpProject = async (portal: Portal, manager: string, name: string): Promise<FuzzProject> => {
  const token = await portal.tokenFor(manager, manager.toUpperCase());
  const { openProject } = await portal.ok('OpenProject', { input: { name, customerName: `${name} Ltd`, budgetHours: 100 } }, token);
  const projectId = openProject.project.id as string;
  const { registerContact } = await portal.ok(
    'RegisterContact',
    {
      input: { projectId, name: 'Dora', email: 'dora@example.com', department: 'Finance', role: 'DECISION_MAKER', canApproveScope: true },
    },
    token,
  );
  const contactId = registerContact.contact.id as string;
  const { logContactSession } = await portal.ok(
    'LogContactSession',
    {
      input: { projectId, date: '2025-03-03', days: 1, kind: 'ON_SITE', developerIds: [manager], contactIds: [contactId] },
    },
    token,
  );
  const sessionId = logContactSession.session.id as string;
  const { addRequirement } = await portal.ok(
    'AddRequirement',
    {
      input: { projectId, key: 'R1', title: 'Invoice export', text: 'As CSV', estimateHours: 40 },
    },
    token,
  );
  const requirementId = addRequirement.requirement.id as string;
  await portal.ok('ApproveBaseline', { input: { projectId, name: 'Contract', countersignedById: contactId } }, token);
  const { raiseRequest } = await portal.ok(
    'RaiseRequest',
    {
      input: {
        projectId,
        title: 'PDF too',
        description: 'And PDF',
        kind: 'FEATURE',
        channel: 'DIRECT',
        requestedById: contactId,
        sessionId,
      },
    },
    token,
  );
  const requestId = raiseRequest.request.id as string;
  const { makeCommitment } = await portal.ok(
    'MakeCommitment',
    {
      input: {
        projectId,
        summary: 'PDF export',
        madeToId: contactId,
        requirementIds: [requirementId],
        requestIds: [requestId],
        estimateHours: 10,
      },
    },
    token,
  );
  return { token, projectId, contactId, sessionId, requestId, requirementId, commitmentId: makeCommitment.commitment.id as string };
};

export const setUpWorld = async (portal: Portal): Promise<FuzzWorld> => ({
  mine: await setUpProject(portal, 'fuzz-alice', 'Alpha'),
  theirs: await setUpProject(portal, 'fuzz-bob', 'Bravo'),
  strangerToken: await portal.tokenFor('fuzz-stranger'),
});

export const idsOf = (project: FuzzProject): string[] => [
  project.projectId,
  project.contactId,
  project.sessionId,
  project.requestId,
  project.requirementId,
  project.commitmentId,
];
