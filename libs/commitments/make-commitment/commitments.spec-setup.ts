/** The project of the worked example (DESIGN section 4), built through the portal's own operations. */
import { Ledger } from '@cf/ledger';
import type { Portal } from '../../../test/harness/portal-harness.js';

export interface WorkedProject {
  projectId: string;
  mia: string;
  dan: string;
  ann: string;
  cora: string;
  dora: string;
  pat: string;
  r1: string;
  r2: string;
}

/**
 * Budget 100 h; baseline 'Contract' with R1 40 h and R2 30 h countersigned by Dora (who can
 * approve scope). Members: Mia MANAGER, Dan DEVELOPER, Ann AUDITOR, Cora CUSTOMER (she is Pat,
 * a proxy who cannot approve scope).
 */
export const workedProject = async (portal: Portal): Promise<WorkedProject> => {
  const mia = await portal.tokenFor('mia', 'Mia Manager');
  const dan = await portal.tokenFor('dan', 'Dan Developer');
  const ann = await portal.tokenFor('ann', 'Ann Auditor');
  const cora = await portal.tokenFor('cora', 'Cora Customer');
  const { openProject } = await portal.ok('OpenProject', { input: { name: 'Invoicing', customerName: 'ACME', budgetHours: 100 } }, mia);
  const projectId: string = openProject.project.id;
  const contact = async (name: string, role: string, canApproveScope: boolean): Promise<string> =>
    (await portal.ok('RegisterContact', { input: { projectId, name, role, canApproveScope } }, mia)).registerContact.contact.id;
  const dora = await contact('Dora Decider', 'DECISION_MAKER', true);
  const pat = await contact('Pat Proxy', 'PROXY', false);
  const requirement = async (key: string, estimateHours: number): Promise<string> =>
    (await portal.ok('AddRequirement', { input: { projectId, key, title: `${key} title`, text: '', estimateHours } }, mia))
      .addRequirement.requirement.id;
  const r1 = await requirement('R1', 40);
  const r2 = await requirement('R2', 30);
  await portal.ok('ApproveBaseline', { input: { projectId, name: 'Contract', countersignedById: dora } }, mia);
  const member = (userId: string, name: string, role: string, contactId?: string) =>
    portal.ok('AddMember', { input: { projectId, userId, name, role, ...(contactId ? { contactId } : {}) } }, mia);
  await member('dan', 'Dan Developer', 'DEVELOPER');
  await member('ann', 'Ann Auditor', 'AUDITOR');
  await member('cora', 'Cora Customer', 'CUSTOMER', pat);
  return { projectId, mia, dan, ann, cora, dora, pat, r1, r2 };
};

/** The project's budget as a manager reads it. */
export const budgetOf = async (portal: Portal, p: WorkedProject) =>
  (await portal.ok('Project', { id: p.projectId }, p.mia)).project.budget;

/** How many events the store holds: a refused command must not change it. */
export const eventCount = (portal: Portal): Promise<bigint> => portal.app.get(Ledger).store.headPosition();
