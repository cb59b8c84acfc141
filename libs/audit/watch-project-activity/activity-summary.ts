import type { RecordedEvent } from '@cf/event-store';
import type { MemberStayRow } from '@cf/projects';
import type { RecordedEventType } from '../read-model/recorded-event-types.js';

type Data = Record<string, unknown>;
/** `customer`: whether a user the event names acted as a CUSTOMER member then (actedAsCustomer). */
type Sentence = (actor: string, d: Data, customer: (userId: unknown) => boolean) => string;

const hours = (value: unknown): string => `${String(value)} h`;
const fields = (d: Data): string =>
  Array.isArray(d.changes) ? (d.changes as { field?: unknown }[]).map((c) => String(c.field)).join(', ') : '';

/**
 * One short sentence per event type for the live activity feed. Contacts are never named:
 * their personal fields are shredded on request, and a feed line must not outlive that. Nor is
 * a member linked to a contact (a customer), whose name is the contact's (A_CONTACTS_MEMBER).
 */
const SENTENCES: Record<RecordedEventType, Sentence> = {
  ProjectOpened: (a, d) => `${a} opened project '${String(d.name)}' for ${String(d.customerName)} (${hours(d.budgetHours)})`,
  // A member linked to a contact (a customer) is that contact: named by neither.
  MemberAdded: (a, d) =>
    typeof d.contactId === 'string'
      ? `${a} added a contact's member as ${String(d.role)}`
      : `${a} added ${String(d.name)} as ${String(d.role)}`,
  // A contact's member's user id may be their e-mail address: named no more than the contact is.
  MemberRemoved: (a, d, customer) =>
    `${a} removed ${customer(d.userId) ? "a contact's member" : `member ${String(d.userId)}`} (last day ${String(d.until)})`,
  BudgetChanged: (a, d) => `${a} changed the budget from ${hours(d.fromHours)} to ${hours(d.toHours)}`,
  BaselineApproved: (a, d) => `${a} approved baseline '${String(d.name)}' (${hours(d.totalHours)})`,
  ContactRegistered: (a, d) => `${a} registered a contact (${String(d.role)})`,
  ContactRevised: (a, d) => `${a} revised a contact (${fields(d)})`,
  ContactForgotten: (a) => `${a} had a contact forgotten`,
  ContactSessionLogged: (a, d) => `${a} logged a ${String(d.kind)} session of ${String(d.days)} day(s) on ${String(d.date)}`,
  ContactSessionCorrected: (a, d) => `${a} corrected a contact session (${fields(d)})`,
  RequestRaised: (a, d) => `${a} raised request '${String(d.title)}' (${String(d.channel)})`,
  RequestConfirmed: (a, d) => `${a} recorded a request confirmed first-hand (${String(d.via)})`,
  RequestResponded: (a, d) => `${a} responded to a request: ${String(d.stance)}`,
  RequestRevised: (a, d) => `${a} revised a request (${fields(d)})`,
  RequestWithdrawn: (a) => `${a} withdrew a request`,
  RequestResolved: (a) => `${a} resolved a request`,
  RequirementAdded: (a, d) => `${a} added requirement ${String(d.key)} '${String(d.title)}' (${hours(d.estimateHours)})`,
  RequirementRevised: (a, d) => `${a} revised requirement '${String(d.title)}' (${fields(d)})`,
  RequirementRemoved: (a) => `${a} removed a requirement`,
  CommitmentMade: (a, d) => `${a} made commitment '${String(d.summary)}' (${hours(d.estimateHours)})`,
  CommitmentRevised: (a, d) => `${a} revised a commitment (${fields(d)})`,
  CommitmentApproved: (a) => `${a} approved a commitment`,
  CommitmentRejected: (a) => `${a} rejected a commitment`,
  CommitmentWithdrawn: (a) => `${a} withdrew a commitment`,
  CommitmentDelivered: (a) => `${a} delivered a commitment`,
  StatusReported: (a, d) => `${a} told the customer '${String(d.title)}' is ${String(d.toldStatus)}`,
  StatusAssessed: (a, d) => `${a} assessed '${String(d.title)}' as ${String(d.actualStatus)}`,
  StatusAcknowledged: (a, d) => `${a} ${d.agrees ? 'agreed with' : 'disputed'} a status report`,
  WebhookRegistered: (a, d) => `${a} registered a webhook for ${Array.isArray(d.events) ? d.events.join(', ') : ''}`,
  WebhookDeactivated: (a) => `${a} deactivated a webhook`,
  WebhookSecretRotated: (a) => `${a} rotated a webhook's secret`,
  WebhookRedeliveryRequested: (a) => `${a} asked for a webhook delivery to be sent again`,
};

/** How the feed names a member linked to a contact who acts: never by the contact's name. */
export const A_CONTACTS_MEMBER = 'A customer';

/**
 * Whether the actor acted as a CUSTOMER member (a member linked to a contact, whose name is the
 * contact's): by their stay in force at the event, the last one added before it, not by the
 * membership as it stands when the event is published, so one removed or forgotten since is not
 * named either; one made a team member again later is named for what they do then.
 */
export const actedAsCustomer = (stays: readonly Pick<MemberStayRow, 'user_id' | 'role' | 'seq'>[], userId: string, at: bigint): boolean => {
  let inForce: Pick<MemberStayRow, 'role' | 'seq'> | undefined;
  for (const stay of stays) if (stay.user_id === userId && BigInt(stay.seq) <= at && stay.seq > (inForce?.seq ?? -1)) inForce = stay;
  return inForce?.role === 'CUSTOMER';
};

export const activitySummary = (
  event: RecordedEvent,
  actor = event.metadata.actor.name,
  customer: (userId: unknown) => boolean = () => false,
): string => {
  // A type the ledger does not record (an event from a store shared with other tools) is named as it is.
  const sentence = Object.hasOwn(SENTENCES, event.type) ? SENTENCES[event.type as RecordedEventType] : undefined;
  return sentence ? sentence(actor, event.data, customer) : `${actor}: ${event.type}`;
};
