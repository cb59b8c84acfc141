import { type CrashProject, type Writer, statusSubjects } from './crash-project.js';
import type { Random } from './seeded-random.js';

type Data = Record<string, any>;

/** One portal mutation with valid input, and where its acknowledged events must be. */
export interface Mutation {
  operation: string;
  variables: { input: Record<string, unknown> };
  /** The stream of the mutation's last event, the one `position` points at. */
  streamOf(data: Data): string;
  /** Adds what the mutation made to the project, for later mutations to act on. */
  remember?(data: Data): void;
}

/** Builds a mutation for a writer, or undefined when the project has nothing for it to act on yet. */
export type MutationKind = (project: CrashProject, writer: Writer, random: Random, serial: number) => Mutation | undefined;

const input = (
  operation: string,
  fields: Record<string, unknown>,
  streamOf: Mutation['streamOf'],
  remember?: Mutation['remember'],
): Mutation => ({ operation, variables: { input: fields }, streamOf, remember });

/** Commitments, change orders and baselines are decided on the project's budget stream. */
const onBudget = (project: CrashProject) => () => `budget-${project.projectId}`;
const onStatusOf = (subjectId: string) => () => `status-${subjectId}`;
const maybe = <T>(random: Random, items: readonly T[]): T[] => (items.length > 0 && random.chance(0.5) ? [random.pick(items)] : []);

export const openProject: MutationKind = (_project, writer, random, serial) =>
  input(
    'OpenProject',
    { name: `Side project ${writer.userId} ${serial}`, customerName: 'Crash Ltd', budgetHours: random.int(10, 500) },
    (data) => `project-${data.openProject.project.id}`,
  );

export const registerContact: MutationKind = (project, writer, random, serial) => {
  // Only a manager registers someone who can approve scope.
  const canApproveScope = writer.role === 'MANAGER' && random.chance(0.5);
  return input(
    'RegisterContact',
    {
      projectId: project.projectId,
      name: `Contact ${writer.userId} ${serial}`,
      email: `c${serial}@example.com`,
      department: random.pick(['Finance', 'Claims', 'IT']),
      role: canApproveScope ? 'DECISION_MAKER' : random.pick(['END_USER', 'PROXY', 'OTHER']),
      canApproveScope,
    },
    (data) => `contact-${data.registerContact.contact.id}`,
    (data) => project.contacts.push({ id: data.registerContact.contact.id, canApproveScope }),
  );
};

export const logContactSession: MutationKind = (project, writer, random) =>
  project.contacts.length === 0
    ? undefined
    : input(
        'LogContactSession',
        {
          projectId: project.projectId,
          date: `2025-03-${String(random.int(1, 28)).padStart(2, '0')}`,
          days: random.pick([0.5, 1, 1.5]),
          kind: random.pick(['ON_SITE', 'REMOTE', 'WORKSHOP']),
          developerIds: [writer.userId],
          contactIds: [random.pick(project.contacts).id],
        },
        (data) => `session-${data.logContactSession.session.id}`,
        (data) => project.sessions.push(data.logContactSession.session.id),
      );

export const raiseRequest: MutationKind = (project, writer, random, serial) => {
  if (project.contacts.length < 2 || project.sessions.length === 0) return undefined;
  const [requester, relay] = [random.pick(project.contacts), random.pick(project.contacts)];
  const channel = relay.id === requester.id ? random.pick(['DIRECT', 'WRITTEN']) : random.pick(['DIRECT', 'PROXY', 'WRITTEN']);
  return input(
    'RaiseRequest',
    {
      projectId: project.projectId,
      title: `Request ${writer.userId} ${serial}`,
      description: 'Seen on site',
      kind: random.pick(['FEATURE', 'CHANGE', 'DEFECT', 'QUESTION']),
      channel,
      requestedById: requester.id,
      ...(channel === 'DIRECT' ? { sessionId: random.pick(project.sessions) } : {}),
      ...(channel === 'PROXY' ? { relayedById: relay.id } : {}),
      requirementIds: maybe(random, project.requirements),
    },
    (data) => `request-${data.raiseRequest.request.id}`,
    (data) => project.requests.push(data.raiseRequest.request.id),
  );
};

export const respondToRequest: MutationKind = (project, _writer, random) => {
  if (project.requests.length === 0) return undefined;
  const stance = random.pick(['ACCEPT', 'DECLINE', 'CLARIFY', 'PROPOSE_ALTERNATIVE', 'ESTIMATE']);
  return input(
    'RespondToRequest',
    {
      requestId: random.pick(project.requests),
      stance,
      message: `${stance.toLowerCase()} for now`,
      ...(stance === 'ESTIMATE' ? { estimateHours: random.int(1, 80) } : {}),
    },
    (data) => `request-${data.respondToRequest.request.id}`,
  );
};

// Revisions that change nothing are refused as bad input: each text is the writer's and new.
export const reviseRequest: MutationKind = (project, writer, random, serial) =>
  project.requests.length === 0
    ? undefined
    : input(
        'ReviseRequest',
        {
          requestId: random.pick(project.requests),
          description: `Clarified by ${writer.userId} (${serial})`,
          reason: 'Asked again',
        },
        (data) => `request-${data.reviseRequest.request.id}`,
      );

export const addRequirement: MutationKind = (project, writer, random, serial) =>
  input(
    'AddRequirement',
    {
      projectId: project.projectId,
      key: `R-${writer.userId}-${serial}`,
      title: `Requirement ${serial}`,
      text: 'As agreed',
      estimateHours: random.int(1, 60),
    },
    (data) => `requirement-${data.addRequirement.requirement.id}`,
    (data) => project.requirements.push(data.addRequirement.requirement.id),
  );

export const reviseRequirement: MutationKind = (project, writer, random, serial) =>
  project.requirements.length === 0
    ? undefined
    : input(
        'ReviseRequirement',
        {
          requirementId: random.pick(project.requirements),
          text: `As agreed with ${writer.userId} (${serial})`,
          estimateHours: random.int(1, 60),
          reason: 'Re-estimated',
          requestId: maybe(random, project.requests)[0],
        },
        (data) => `requirement-${data.reviseRequirement.requirement.id}`,
      );

export const makeCommitment: MutationKind = (project, writer, random, serial) =>
  project.contacts.length === 0
    ? undefined
    : input(
        'MakeCommitment',
        {
          projectId: project.projectId,
          summary: `Promise ${writer.userId} ${serial}`,
          madeToId: random.pick(project.contacts).id,
          estimateHours: random.int(1, 80),
          requirementIds: maybe(random, project.requirements),
          requestIds: maybe(random, project.requests),
        },
        onBudget(project),
        (data) => project.commitments.push(data.makeCommitment.commitment.id),
      );

export const reviseCommitment: MutationKind = (project, _writer, random) =>
  project.commitments.length === 0
    ? undefined
    : input(
        'ReviseCommitment',
        {
          commitmentId: random.pick(project.commitments),
          estimateHours: random.int(1, 80),
          reason: 'Scope understood better',
        },
        onBudget(project),
      );

export const approveCommitment: MutationKind = (project, writer, random) =>
  writer.role !== 'MANAGER' || project.commitments.length === 0
    ? undefined
    : input(
        'ApproveCommitment',
        {
          commitmentId: random.pick(project.commitments),
          note: 'Within reason',
        },
        onBudget(project),
      );

export const reportStatus: MutationKind = (project, _writer, random) => {
  const subjects = statusSubjects(project);
  if (subjects.length === 0 || project.contacts.length === 0) return undefined;
  const subjectId = random.pick(subjects);
  return input(
    'ReportStatus',
    {
      projectId: project.projectId,
      subjectId,
      toldStatus: random.pick(['ON_TRACK', 'AT_RISK', 'LATE', 'DONE']),
      toldPercentComplete: random.int(0, 100),
      toldToId: random.pick(project.contacts).id,
      message: 'Going well',
    },
    onStatusOf(subjectId),
  );
};

export const assessStatus: MutationKind = (project, _writer, random) => {
  const subjects = statusSubjects(project);
  if (subjects.length === 0) return undefined;
  const subjectId = random.pick(subjects);
  const actualStatus = random.pick(['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'BLOCKED', 'DONE']);
  return input(
    'AssessStatus',
    {
      projectId: project.projectId,
      subjectId,
      actualStatus,
      // The real state agrees with itself (statusAgreesWithPercent).
      actualPercentComplete: actualStatus === 'DONE' ? 100 : actualStatus === 'NOT_STARTED' ? 0 : random.int(0, 100),
      note: 'Checked the code',
    },
    onStatusOf(subjectId),
  );
};

export const changeBudget: MutationKind = (project, writer, random) =>
  writer.role !== 'MANAGER'
    ? undefined
    : input(
        'ChangeBudget',
        {
          projectId: project.projectId,
          budgetHours: random.int(200, 2000),
          reason: 'Change order',
        },
        onBudget(project),
      );

export const approveBaseline: MutationKind = (project, writer, _random, serial) => {
  const approver = project.contacts.find((contact) => contact.canApproveScope);
  return writer.role !== 'MANAGER' || !approver
    ? undefined
    : input(
        'ApproveBaseline',
        {
          projectId: project.projectId,
          name: `Baseline ${serial}`,
          countersignedById: approver.id,
        },
        onBudget(project),
      );
};
