import type { RecordedEvent } from '@cf/event-store';
import { activitySummary } from './activity-summary.js';

const event = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  position: 1n,
  stream: 's-1',
  indexInStream: 0,
  type,
  schemaVersion: 1,
  data,
  prevHash: '',
  hash: '',
  metadata: { actor: { userId: 'maria', name: 'Maria' }, occurredAt: '2026-03-02T10:00:00.000Z', correlationId: 'c' },
});

describe('activity sentences of corrections', () => {
  it('say what was corrected, never naming a contact', () => {
    expect(activitySummary(event('ContactRevised', { changes: [{ field: 'department' }], department: 'Claims' }))).toBe(
      'Maria revised a contact (department)',
    );
    expect(activitySummary(event('ContactSessionCorrected', { changes: [{ field: 'voided' }] }))).toBe(
      'Maria corrected a contact session (voided)',
    );
    expect(activitySummary(event('RequestConfirmed', { via: 'SESSION' }))).toBe('Maria recorded a request confirmed first-hand (SESSION)');
    expect(activitySummary(event('StatusAcknowledged', { agrees: false }))).toBe('Maria disputed a status report');
    expect(activitySummary(event('MemberAdded', { userId: 'ines', name: 'Ines Ibsen', role: 'CUSTOMER', contactId: 'c-1' }))).toBe(
      "Maria added a contact's member as CUSTOMER",
    );
    expect(activitySummary(event('MemberAdded', { userId: 'jonas', name: 'Jonas', role: 'DEVELOPER' }))).toBe(
      'Maria added Jonas as DEVELOPER',
    );
    expect(activitySummary(event('MemberRemoved', { userId: 'jonas', until: '2026-04-15' }))).toBe(
      'Maria removed member jonas (last day 2026-04-15)',
    );
  });

  it("names a contact's member removed no more than the contact, their user id being maybe their e-mail address", () => {
    const customer = (userId: unknown) => userId === 'cora@northwind.example';
    expect(activitySummary(event('MemberRemoved', { userId: 'cora@northwind.example', until: '2026-04-15' }), 'Maria', customer)).toBe(
      "Maria removed a contact's member (last day 2026-04-15)",
    );
  });
});

describe('activity sentences of webhooks', () => {
  it('say what was done, never the URL or the secret', () => {
    const registered = activitySummary(
      event('WebhookRegistered', { url: 'https://hooks.example.com/x', events: ['COMMITMENT_REJECTED'], secret: 'whsec_1' }),
    );
    expect(registered).toBe('Maria registered a webhook for COMMITMENT_REJECTED');
    expect(activitySummary(event('WebhookSecretRotated', { secret: 'whsec_2' }))).toBe("Maria rotated a webhook's secret");
  });
});
