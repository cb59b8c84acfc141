import { type Portal, startPortal } from '../../../test/harness/portal-harness.js';

/** Text that must say something is refused alike whether it is empty or blank, naming the field (validation-pipe.ts, requiredText). */
describe('an empty or blank text where one is required', () => {
  let portal: Portal;
  beforeAll(async () => (portal = await startPortal()));
  afterAll(() => portal.close());

  it('is refused with one message for "" and "   ", naming the field, and changes nothing', async () => {
    const mia = await portal.tokenFor('mia', 'Mia Manager');
    const { openProject } = await portal.ok('OpenProject', { input: { name: 'Invoicing', customerName: 'ACME', budgetHours: 100 } }, mia);
    const projectId: string = openProject.project.id;
    for (const reason of ['', '   ']) {
      const answer = await portal.send('ChangeBudget', { input: { projectId, budgetHours: 120, reason } }, mia);
      expect(answer.errors?.[0]).toMatchObject({
        message: 'reason: must not be empty',
        extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
      });
    }
    const empty = await portal.send('OpenProject', { input: { name: '', customerName: 'ACME', budgetHours: 100 } }, mia);
    expect(empty.errors?.[0]).toMatchObject({ message: 'name: must not be empty', extensions: { field: 'name' } });
    const { project } = await portal.ok('Project', { id: projectId }, mia);
    expect(project.budgetHours).toBe(100);
  });
});
