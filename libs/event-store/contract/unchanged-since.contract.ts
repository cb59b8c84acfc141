import { ChangedSince } from '../unchanged-since.js';
import { type ContractContext, anEvent } from './contract-context.js';

const session = (projectId: string) => anEvent('ContactSessionLogged', { projectId });

/** UnchangedSince: a decision that read a kind of facts whole holds that none came since. */
export const unchangedSinceContract = ({ store }: ContractContext): void => {
  it("refuses an append when a stream of the kind gained an event naming the project since the decision's read, naming it", async () => {
    await store().append('project-1', [anEvent('ProjectOpened')], { expectedLastIndex: 'no_stream' });
    const read = await store().headPosition();
    const condition = { after: read, streamPrefix: 'session-', projectId: 'p-1' };
    const logged = await store().append('session-9', [session('p-1')], { expectedLastIndex: 'no_stream' });
    const refused = store().append('project-1', [anEvent('MemberRemoved')], { expectedLastIndex: 0, unchangedSince: [condition] });
    await expect(refused).rejects.toBeInstanceOf(ChangedSince);
    await expect(refused).rejects.toMatchObject({ condition, position: logged.position });
    expect(await store().lastIndexOf('project-1')).toBe(0);
    // Read again past that event, the decision may land.
    const again = { ...condition, after: await store().headPosition() };
    await store().append('project-1', [anEvent('MemberRemoved')], { expectedLastIndex: 0, unchangedSince: [again] });
    expect(await store().lastIndexOf('project-1')).toBe(1);
  });

  it('lets it land when what came since is of another project, another kind, or came before the read', async () => {
    await store().append('session-1', [session('p-1')], { expectedLastIndex: 'no_stream' });
    const read = await store().headPosition();
    await store().append('session-2', [session('p-2')], { expectedLastIndex: 'no_stream' });
    await store().append('requirement-1', [anEvent('RequirementAdded', { projectId: 'p-1' })], { expectedLastIndex: 'no_stream' });
    await store().append('sessions-of-p-1', [anEvent('Noted', { projectId: 'p-1' })], { expectedLastIndex: 'no_stream' });
    await store().append('project-1', [anEvent('MemberRemoved')], {
      expectedLastIndex: 'no_stream',
      unchangedSince: [{ after: read, streamPrefix: 'session-', projectId: 'p-1' }],
    });
    expect(await store().lastIndexOf('project-1')).toBe(0);
  });

  it('holds every condition it is given, beside the streams held unmoved', async () => {
    await store().append('project-1', [anEvent('ProjectOpened')], { expectedLastIndex: 'no_stream' });
    const read = await store().headPosition();
    await store().append('requirement-7', [anEvent('RequirementAdded', { projectId: 'p-1' })], { expectedLastIndex: 'no_stream' });
    const conditions = [
      { after: read, streamPrefix: 'session-', projectId: 'p-1' },
      { after: read, streamPrefix: 'requirement-', projectId: 'p-1' },
    ];
    const refused = store().append('budget-1', [anEvent('BaselineApproved')], {
      expectedLastIndex: 'no_stream',
      unmoved: [{ stream: 'project-1', lastIndex: 0 }],
      unchangedSince: conditions,
    });
    await expect(refused).rejects.toMatchObject({ condition: conditions[1] });
    expect(await store().lastIndexOf('budget-1')).toBe(-1);
  });
};
