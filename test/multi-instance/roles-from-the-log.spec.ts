import { EventSourcing } from '@cf/ledger';
import { TargetHosts } from '@cf/webhooks';
import { eventElsewhere, whileReadModelsLag, whileReadModelsNeverSee } from '../harness/another-instance.js';
import type { Portal } from '../harness/portal-harness.js';
import { type WorkedProject, eventCount, workedProjectPortal } from '../fixtures/worked-project.js';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Who a caller is in the project, for every command, is the project stream's, held unmoved till
 * the append: another instance may have removed or added a member a moment ago, and this
 * instance's read models may not show it yet. (Budget decisions have their own spec:
 * libs/commitments/decision/authority-from-the-log.e2e.ts.)
 */
describe('the caller’s role on a command, from the log', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  beforeAll(() => ({ portal, p } = world));

  it('refuses every kind of command to a manager the log has removed, though the read models still list them', async () => {
    const max = await portal.tokenFor('max', 'Max Manager');
    await portal.ok('AddMember', { input: { projectId: p.projectId, userId: 'max', name: 'Max Manager', role: 'MANAGER' } }, p.mia);
    const raised = await portal.ok(
      'RaiseRequest',
      {
        input: { projectId: p.projectId, title: 'Export', description: 'CSV', kind: 'FEATURE', channel: 'WRITTEN', requestedById: p.dora },
      },
      p.dan,
    );
    const requestId: string = raised.raiseRequest.request.id;
    const removed = eventElsewhere('MemberRemoved', { projectId: p.projectId, userId: 'max', reason: 'Left the team', until: today() });
    const commands: [string, Record<string, unknown>][] = [
      ['ReviseContact', { contactId: p.pat, canApproveScope: true, reason: 'Promoted' }],
      ['AddRequirement', { projectId: p.projectId, key: 'R9', title: 'R9', text: 'More', estimateHours: 3 }],
      ['ReviseRequirement', { requirementId: p.r1, estimateHours: 45, reason: 'Bigger' }],
      ['RespondToRequest', { requestId, stance: 'ACCEPT', message: 'Yes' }],
      ['ResolveRequest', { requestId, resolution: 'DONE' }],
      ['LogContactSession', { projectId: p.projectId, date: today(), days: 1, kind: 'ON_SITE', developerIds: [], contactIds: [p.dora] }],
      ['RegisterContact', { projectId: p.projectId, name: 'Nora New', role: 'END_USER', canApproveScope: false }],
      ['AddMember', { projectId: p.projectId, userId: 'zed', name: 'Zed', role: 'AUDITOR' }],
      ['RegisterWebhook', { projectId: p.projectId, url: 'https://hooks.example.com/in', events: ['COMMITMENT_REJECTED'] }],
    ];
    portal.app.get(TargetHosts).resolve = async () => ['93.184.216.34']; // a public address, without asking a name service
    await whileReadModelsLag(portal, `project-${p.projectId}`, removed, async () => {
      const before = await eventCount(portal);
      for (const [operation, input] of commands) {
        const answer = await portal.send(operation, { input }, max);
        expect({ operation, refusal: answer.errors?.[0].extensions }).toMatchObject({
          operation,
          refusal: { code: 'FORBIDDEN', rule: 'projectMember' },
        });
      }
      expect(await eventCount(portal)).toBe(before);
    });
  });

  it('lets a member the log has added act before the read models list them, in the role the log gives', async () => {
    const eve = await portal.tokenFor('eve', 'Eve Developer');
    const added = eventElsewhere('MemberAdded', {
      projectId: p.projectId,
      userId: 'eve',
      name: 'Eve Developer',
      role: 'DEVELOPER',
      since: today(),
    });
    const session = { projectId: p.projectId, date: today(), days: 1, kind: 'ON_SITE', developerIds: ['eve'], contactIds: [p.dora] };
    const answers = await whileReadModelsNeverSee(portal, `project-${p.projectId}`, added, async () => ({
      requirement: await portal.send(
        'AddRequirement',
        { input: { projectId: p.projectId, key: 'R7', title: 'R7', text: 'Seven', estimateHours: 7 } },
        eve,
      ),
      // A session names them as a developer who met the customer that day.
      session: await portal.send('LogContactSession', { input: session }, p.mia),
      // A DEVELOPER by the log: a MANAGER's command stays refused.
      member: await portal.send('AddMember', { input: { projectId: p.projectId, userId: 'kim', name: 'Kim', role: 'AUDITOR' } }, eve),
    }));
    expect(answers.requirement.errors?.[0].extensions.code).toBe('NOT_YET_READABLE'); // appended; the read models stayed behind
    expect(answers.session.errors?.[0].extensions.code).toBe('NOT_YET_READABLE');
    expect(answers.member.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllowed' });
    const logged = await portal.app.get(EventSourcing).eventAt(BigInt(answers.session.errors![0].extensions.position as string));
    expect(logged?.data).toMatchObject({ developers: [{ userId: 'eve', name: 'Eve Developer' }] });
  });

  it('lets a manager the log has added register and forget contacts and register webhooks before the read models list them', async () => {
    const ivy = await portal.tokenFor('ivy', 'Ivy Manager');
    const added = eventElsewhere('MemberAdded', {
      projectId: p.projectId,
      userId: 'ivy',
      name: 'Ivy Manager',
      role: 'MANAGER',
      since: today(),
    });
    portal.app.get(TargetHosts).resolve = async () => ['93.184.216.34'];
    const olga = { projectId: p.projectId, name: 'Olga Other', role: 'OTHER', canApproveScope: false };
    const olgaId: string = (await portal.ok('RegisterContact', { input: olga }, p.mia)).registerContact.contact.id;
    const codes = await whileReadModelsNeverSee(portal, `project-${p.projectId}`, added, async () => {
      const sent: [string, Record<string, unknown>][] = [
        ['RegisterContact', { projectId: p.projectId, name: 'Nora New', role: 'END_USER', canApproveScope: false }],
        ['RegisterWebhook', { projectId: p.projectId, url: 'https://hooks.example.com/in', events: ['COMMITMENT_REJECTED'] }],
        ['ForgetContact', { contactId: olgaId, reason: 'Asked to be forgotten' }],
      ];
      const answers = [];
      for (const [operation, input] of sent) answers.push((await portal.send(operation, { input }, ivy)).errors?.[0].extensions.code);
      return answers;
    });
    expect(codes).toEqual(['NOT_YET_READABLE', 'NOT_YET_READABLE', 'NOT_YET_READABLE']);
  });

  it('ends a customer member’s login when their contact is forgotten, as the read models do', async () => {
    const own = {
      projectId: p.projectId,
      title: 'Dark mode',
      description: 'Please',
      kind: 'FEATURE',
      channel: 'WRITTEN',
      requestedById: p.pat,
    };
    const requestId: string = (await portal.ok('RaiseRequest', { input: own }, p.cora)).raiseRequest.request.id;
    await portal.ok('ForgetContact', { input: { contactId: p.pat, reason: 'Asked to be forgotten' } }, p.mia);
    const before = await eventCount(portal);
    const answer = await portal.send('WithdrawRequest', { input: { requestId, reason: 'No longer needed' } }, p.cora);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'projectMember' });
    expect(await eventCount(portal)).toBe(before);
  });
});
