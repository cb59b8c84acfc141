/** Shared examples for the specs of this context (test data only, imported by *.spec.ts). */
import { specification } from '@test/decider-specification.js';
import type { AddRequirement, ReviseRequirement, TriggerInputs } from './requirements.commands.js';
import { requirementsDecider, type Command } from './requirements.decide.js';
import type { RequirementAdded, RequirementRemoved, RequirementRevised } from './requirements.events.js';

export const spec = specification(requirementsDecider);
export const P = 'project-1';
export const actor = { userId: 'user-pm', name: 'Pat Manager' };
export const at = '2025-03-01T10:00:00.000Z';
export const later = '2025-03-05T15:30:00.000Z';
export const session = { sessionId: 'session-1', session: { id: 'session-1', projectId: P } };
export const request = { requestId: 'req-1', request: { id: 'req-1', projectId: P, channel: 'PROXY' as const } };

export const add = (overrides: Partial<AddRequirement> = {}): Command => ({
  type: 'AddRequirement',
  requirementId: 'requirement-1',
  projectId: P,
  key: 'R1',
  keyTaken: false,
  title: 'Invoice export',
  text: 'Invoices can be exported as CSV.',
  estimateHours: 40,
  at,
  actor,
  ...overrides,
});
export const revise = (overrides: Partial<ReviseRequirement> = {}): Command => ({
  type: 'ReviseRequirement',
  requirementId: 'requirement-1',
  reason: 'Customer wants credit notes too',
  at: later,
  actor,
  ...overrides,
});
export const remove = (reason = 'Dropped from scope', trigger: TriggerInputs = {}): Command => ({
  type: 'RemoveRequirement',
  requirementId: 'requirement-1',
  reason,
  ...trigger,
  at: later,
  actor,
});

export const added: RequirementAdded = {
  type: 'RequirementAdded',
  data: {
    requirementId: 'requirement-1',
    projectId: P,
    key: 'R1',
    title: 'Invoice export',
    text: 'Invoices can be exported as CSV.',
    estimateHours: 40,
    trigger: { kind: 'INTERNAL' },
    revision: 1,
    by: actor,
    at,
  },
};
export const revised: RequirementRevised = {
  type: 'RequirementRevised',
  data: {
    requirementId: 'requirement-1',
    projectId: P,
    revision: 2,
    title: 'Invoice export',
    text: 'Invoices can be exported as CSV.',
    estimateHours: 48,
    changes: [{ field: 'estimateHours', from: 40, to: 48 }],
    reason: 'Customer wants credit notes too',
    trigger: { kind: 'SESSION', sessionId: 'session-1' },
    by: actor,
    at: later,
  },
};
export const removed: RequirementRemoved = {
  type: 'RequirementRemoved',
  data: {
    requirementId: 'requirement-1',
    projectId: P,
    reason: 'Dropped from scope',
    revision: 2,
    trigger: { kind: 'INTERNAL' },
    by: actor,
    at: later,
  },
};
