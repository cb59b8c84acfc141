import { DomainError } from '@cf/core';
import type { CommitmentEvent } from '@cf/commitments';
import type { ContactEvent, SessionEvent } from '@cf/contacts';
import type { ProjectBudgetEvent, ProjectEvent } from '@cf/projects';
import type { ReportingEvent } from '@cf/reporting';
import type { RequestEvent } from '@cf/requests';
import type { RequirementEvent } from '@cf/requirements';
import type { WebhookStreamEvent } from '@cf/webhooks';

type LedgerEvent =
  | CommitmentEvent
  | ContactEvent
  | SessionEvent
  | ProjectEvent
  | ProjectBudgetEvent
  | ReportingEvent
  | RequestEvent
  | RequirementEvent
  | WebhookStreamEvent;

/** The type of every event the ledger records: what the audit log and the activity feed show. */
export type RecordedEventType = LedgerEvent['type'];

/**
 * Every event type the ledger records. Typed as a record of the contexts' event unions, so the
 * compiler names a type added to a union and missing here, or one listed that no union has.
 */
const RECORDED: Record<RecordedEventType, true> = {
  ProjectOpened: true,
  MemberAdded: true,
  MemberRemoved: true,
  BudgetChanged: true,
  BaselineApproved: true,
  ContactRegistered: true,
  ContactRevised: true,
  ContactForgotten: true,
  ContactSessionLogged: true,
  ContactSessionCorrected: true,
  RequestRaised: true,
  RequestConfirmed: true,
  RequestResponded: true,
  RequestRevised: true,
  RequestWithdrawn: true,
  RequestResolved: true,
  RequirementAdded: true,
  RequirementRevised: true,
  RequirementRemoved: true,
  CommitmentMade: true,
  CommitmentRevised: true,
  CommitmentApproved: true,
  CommitmentRejected: true,
  CommitmentWithdrawn: true,
  CommitmentDelivered: true,
  StatusReported: true,
  StatusAssessed: true,
  StatusAcknowledged: true,
  WebhookRegistered: true,
  WebhookDeactivated: true,
  WebhookSecretRotated: true,
  WebhookRedeliveryRequested: true,
};

/**
 * The `types` of an audit filter, each one the ledger records. A misspelt type would match no
 * event and answer an empty page, which an auditor would read as "never happened": refused.
 */
export const requireRecordedEventTypes = (types: readonly string[] | null | undefined): void => {
  if (types?.length === 0) throw DomainError.badInput('types', 'is empty, which no event matches: leave it out to show every type');
  const unknown = (types ?? []).filter((type) => !Object.hasOwn(RECORDED, type));
  if (unknown.length > 0)
    throw DomainError.badInput(
      'types',
      `${unknown.map((type) => JSON.stringify(type)).join(', ')} is not an event type the ledger records; it records ${Object.keys(RECORDED).join(', ')}`,
    );
};
