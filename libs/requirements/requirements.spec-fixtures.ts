/** A project with a team, two contacts and a session, for the e2e specs of this context (test data only). */
import { Ledger } from '@cf/ledger';
import { type Portal, startPortal } from '../../test/harness/portal-harness.js';
import { requirementsReadModel } from './read-model/requirements.read-model.js';

export interface RequirementsWorld {
  portal: Portal;
  manager: string;
  developer: string;
  auditor: string;
  projectId: string;
  /** A contact who can approve scope, and one who cannot. */
  approverId: string;
  endUserId: string;
  sessionId: string;
  /** How many events the store holds now: a refused command must leave it as it was. */
  head(): Promise<bigint>;
  liveKeys(): Promise<string[]>;
}

export const setUpWorld = async (): Promise<RequirementsWorld> => {
  const portal = await startPortal();
  const manager = await portal.tokenFor('ada', 'Ada Manager');
  const developer = await portal.tokenFor('dev', 'Dev Eloper');
  const auditor = await portal.tokenFor('aud', 'Audrey Auditor');
  const { openProject } = await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 200 } }, manager);
  const projectId: string = openProject.project.id;
  for (const [userId, name, role] of [['dev', 'Dev Eloper', 'DEVELOPER'], ['aud', 'Audrey Auditor', 'AUDITOR']]) {
    await portal.ok('AddMember', { input: { projectId, userId, name, role } }, manager);
  }
  const contact = async (name: string, role: string, canApproveScope: boolean): Promise<string> =>
    (await portal.ok('RegisterContact', { input: { projectId, name, role, canApproveScope } }, manager)).registerContact.contact.id;
  const approverId = await contact('Carla Customer', 'DECISION_MAKER', true);
  const endUserId = await contact('Eddie Enduser', 'END_USER', false);
  const { logContactSession } = await portal.ok('LogContactSession', {
    input: { projectId, date: '2026-03-02', days: 1, kind: 'WORKSHOP', developerIds: ['dev'], contactIds: [approverId] },
  }, manager);
  const store = portal.app.get(Ledger).store;
  const db = portal.app.get(Ledger).readModels;
  return {
    portal, manager, developer, auditor, projectId, approverId, endUserId,
    sessionId: logContactSession.session.id,
    head: () => store.headPosition(),
    liveKeys: async () => (await requirementsReadModel(db).liveRequirements(projectId)).map((r) => r.key),
  };
};

export const requirementInput = (projectId: string, key: string, estimateHours = 40) => ({
  projectId, key, title: `Requirement ${key}`, text: `What ${key} asks for.`, estimateHours,
});
