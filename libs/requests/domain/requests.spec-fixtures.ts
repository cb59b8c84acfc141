/** Shared examples for the specs of this context (test data only, imported by *.spec.ts). */
import { specification } from '@test/decider-specification.js';
import type { ConfirmRequest, RaiseRequest, RequesterFact } from './requests.commands.js';
import { requestsDecider, type Command } from './requests.decide.js';
import type { Event, RequestConfirmed, RequestRaised } from './requests.events.js';

export const spec = specification(requestsDecider);
export const P = 'project-1';
export const actor = { userId: 'user-dev', name: 'Dana Dev' };
export const at = '2025-03-01T10:00:00.000Z';
export const later = '2025-03-02T09:00:00.000Z';

/** Who req-1 is attributed to, as their contact stream holds them. */
export const requester: RequesterFact = { id: 'contact-1', projectId: P, canApproveScope: true, role: 'DECISION_MAKER' };
export const raise = (overrides: Partial<RaiseRequest> = {}): Command => ({
  type: 'RaiseRequest',
  requestId: 'req-1',
  projectId: P,
  title: 'Export invoices as CSV',
  description: 'The finance team wants a CSV export.',
  kind: 'FEATURE',
  channel: 'DIRECT',
  requestedById: 'contact-1',
  requestedBy: requester,
  sessionId: 'session-1',
  session: { id: 'session-1', projectId: P, date: '2025-03-01', contactIds: ['contact-1'] },
  requirementIds: ['requirement-1'],
  requirements: [{ id: 'requirement-1', projectId: P }],
  at,
  actor,
  ...overrides,
});

export const raised: RequestRaised = {
  type: 'RequestRaised',
  data: {
    requestId: 'req-1',
    projectId: P,
    title: 'Export invoices as CSV',
    description: 'The finance team wants a CSV export.',
    kind: 'FEATURE',
    channel: 'DIRECT',
    requestedById: 'contact-1',
    sessionId: 'session-1',
    requirementIds: ['requirement-1'],
    at,
  },
};
export const responded: Event = {
  type: 'RequestResponded',
  data: { requestId: 'req-1', projectId: P, stance: 'CLARIFY', message: 'Which columns?', respondedBy: actor, at: later },
};
export const withdrawn: Event = {
  type: 'RequestWithdrawn',
  data: { requestId: 'req-1', projectId: P, reason: 'No longer needed', at: later },
};
export const resolved: Event = {
  type: 'RequestResolved',
  data: { requestId: 'req-1', projectId: P, resolution: 'Shipped in 1.4', at: later },
};

export const respond = (overrides: Record<string, unknown> = {}): Command =>
  ({ type: 'RespondToRequest', requestId: 'req-1', stance: 'ACCEPT', message: 'We will do it', at: later, actor, ...overrides }) as Command;
export const revise = (overrides: Record<string, unknown> = {}): Command =>
  ({ type: 'ReviseRequest', requestId: 'req-1', reason: 'Customer clarified', at: later, actor, ...overrides }) as Command;
export const withdraw = (reason = 'No longer needed'): Command => ({
  type: 'WithdrawRequest',
  requestId: 'req-1',
  reason,
  at: later,
  actor,
});
export const resolve = (resolution = 'Shipped in 1.4'): Command => ({
  type: 'ResolveRequest',
  requestId: 'req-1',
  resolution,
  at: later,
  actor,
});

/** A relayed request, and its requester's confirmation in a session they attended. */
const { sessionId: _inSession, ...raisedData } = raised.data;
export const proxied: RequestRaised = {
  type: 'RequestRaised',
  data: { ...raisedData, channel: 'PROXY', relayedById: 'contact-2', statedPriority: 'CRITICAL' },
};
export const session = { id: 'session-2', projectId: P, date: '2025-03-02', contactIds: ['contact-1', 'contact-3'], voided: false };
export const confirm = (overrides: Partial<ConfirmRequest> = {}): Command => ({
  type: 'ConfirmRequest',
  requestId: 'req-1',
  sessionId: 'session-2',
  session,
  requester,
  confirmedPriority: 'MEDIUM',
  note: 'Wanted, but not urgent',
  confirmer: { role: 'DEVELOPER', contactId: null },
  at: later,
  actor,
  ...overrides,
});
export const confirmed: RequestConfirmed = {
  type: 'RequestConfirmed',
  data: {
    requestId: 'req-1',
    projectId: P,
    contactId: 'contact-1',
    via: 'SESSION',
    sessionId: 'session-2',
    confirmedPriority: 'MEDIUM',
    note: 'Wanted, but not urgent',
    confirmedBy: actor,
    at: later,
  },
};
