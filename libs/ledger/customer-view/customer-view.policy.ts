/**
 * What a CUSTOMER member may see — the one place it is decided (DESIGN §9). Every object type a
 * customer can reach lists each of its fields as visible or hidden (a hidden field reads null, so
 * it is nullable in the schema); customer-view.spec.ts walks the schema and fails on a field that
 * is in neither list. Customers see their requests, what they were told, and the commitments made
 * to them with status and estimate — never a budget figure, a flag, a reason, an internal
 * assessment, a member's user id or another contact. The status stays visible, PENDING_APPROVAL
 * included: that a promise is not yet approved is what the customer is owed to hear, and it names
 * neither the flag nor the figure that made it so.
 */
export interface TypeView {
  visible: readonly string[];
  hidden: readonly string[];
  /** Objects of this type a customer sees only when they are theirs (any other reads null). */
  ownOnly?: (object: Record<string, unknown>, viewer: CustomerViewer) => boolean;
}

export interface CustomerViewer {
  /** The contact the CUSTOMER member is ('' when none is linked). */
  contactId: string;
}

const JUDGEMENT = [
  'outsideRequirements',
  'outsideBudget',
  'exceedsBudgetByHours',
  'madeWithoutAuthority',
  'requestedWithoutAuthority',
  'reasons',
];

/** A paged list of `node`s (its connection and edge types) shows what its nodes show. */
const pagesOf = (node: string): Record<string, TypeView> => ({
  [`${node}Connection`]: { visible: ['edges', 'pageInfo', 'totalCount'], hidden: [] },
  [`${node}Edge`]: { visible: ['cursor', 'node'], hidden: [] },
});

export const CUSTOMER_VIEW: Readonly<Record<string, TypeView>> = {
  ...pagesOf('Project'),
  ...pagesOf('Commitment'),
  ...pagesOf('Request'),
  PageInfo: { visible: ['endCursor', 'hasNextPage'], hidden: [] },
  // A revision counts every event of its stream, the hidden ones too (a budget change, a relink, a
  // contact's authority): a customer, who never sends one of these back, would count those.
  Project: {
    visible: ['id', 'name', 'customerName', 'contactDaysTarget', 'members', 'viewerRole'],
    hidden: ['budget', 'budgetHours', 'revision'],
  },
  ProjectMember: {
    visible: ['name', 'role', 'since'],
    hidden: ['userId', 'contactId'],
    // The team they work with, and themselves: another CUSTOMER member is another contact.
    ownOnly: (member, viewer) => member.role !== 'CUSTOMER' || member.contactId === viewer.contactId,
  },
  UserRef: { visible: ['name'], hidden: ['userId'] },
  Commitment: {
    visible: ['id', 'projectId', 'summary', 'status', 'estimateHours', 'dueDate', 'madeBy', 'madeAt', 'madeTo', 'requests'],
    hidden: [
      ...JUDGEMENT,
      'budgetAtDecision',
      'atDecision',
      'current',
      'coveredBy',
      'endedCovers',
      'suspectLinks',
      'requirements',
      'revision',
    ],
  },
  Contact: {
    visible: ['id', 'name', 'email', 'organisation', 'department', 'forgotten'],
    // Whether they are a proxy, and may approve scope, is the team's judgement of their authority.
    hidden: ['role', 'canApproveScope', 'revision'],
    ownOnly: (contact, viewer) => contact.id === viewer.contactId,
  },
  Request: {
    visible: [
      'id',
      'title',
      'description',
      'kind',
      'channel',
      'status',
      'revision',
      'raisedAt',
      'requestedBy',
      'responses',
      'commitments',
      'confirmed',
      'confirmedAt',
      'statedPriority',
      'confirmedPriority',
    ],
    // Who relayed it and the session it was asked in name other contacts.
    hidden: ['requirements', 'relayedBy', 'session', 'askedWithAuthority'],
  },
  RequestResponse: { visible: ['stance', 'message', 'estimateHours', 'at', 'respondedBy'], hidden: [] },
  StatusReport: {
    visible: ['id', 'subjectId', 'title', 'toldStatus', 'toldPercentComplete', 'toldAt', 'message', 'toldTo', 'acknowledgement'],
    hidden: [],
  },
  StatusAcknowledgement: { visible: ['agrees', 'note', 'at'], hidden: [] },
};

export const isHiddenFromCustomers = (type: string, field: string): boolean => CUSTOMER_VIEW[type]?.hidden.includes(field) ?? false;
