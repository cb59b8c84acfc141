/** A project with a team, a contact and a requirement revised once, for the audit e2e specs (test data only). */
import { Ledger } from '@cf/ledger';
import { type Portal, startPortal } from '../../test/harness/portal-harness.js';

export interface AuditWorld {
  portal: Portal;
  manager: string;
  developer: string;
  auditor: string;
  customer: string;
  projectId: string;
  contactId: string;
  requirementId: string;
  /** The requirement's stream: added (estimate 40), then revised by the developer (estimate 48). */
  requirementStream: string;
  head(): Promise<bigint>;
}

export const setUpAuditWorld = async (): Promise<AuditWorld> => {
  const portal = await startPortal();
  const manager = await portal.tokenFor('ada', 'Ada Manager');
  const developer = await portal.tokenFor('dev', 'Dev Eloper');
  const auditor = await portal.tokenFor('aud', 'Audrey Auditor');
  const customer = await portal.tokenFor('carla', 'Carla Customer');
  const { openProject } = await portal.ok('OpenProject', { input: { name: 'Portal', customerName: 'ACME', budgetHours: 200 } }, manager);
  const projectId: string = openProject.project.id;
  const { registerContact } = await portal.ok('RegisterContact', { input: { projectId, name: 'Carla Customer', role: 'DECISION_MAKER', canApproveScope: true } }, manager);
  const contactId: string = registerContact.contact.id;
  for (const [userId, name, role, extra] of [['dev', 'Dev Eloper', 'DEVELOPER', {}], ['aud', 'Audrey Auditor', 'AUDITOR', {}], ['carla', 'Carla Customer', 'CUSTOMER', { contactId }]] as const) {
    await portal.ok('AddMember', { input: { projectId, userId, name, role, ...extra } }, manager);
  }
  const { addRequirement } = await portal.ok('AddRequirement', {
    input: { projectId, key: 'R1', title: 'Bulk upload', text: 'Upload many files at once.', estimateHours: 40 },
  }, manager);
  const requirementId: string = addRequirement.requirement.id;
  // A moment between the two events, for the as-of reads.
  await new Promise((resolve) => setTimeout(resolve, 10));
  await portal.ok('ReviseRequirement', { input: { requirementId, estimateHours: 48, reason: 'PDF too', expectedRevision: 1 } }, developer);
  const store = portal.app.get(Ledger).store;
  return {
    portal, manager, developer, auditor, customer, projectId, contactId, requirementId,
    requirementStream: `requirement-${requirementId}`,
    head: () => store.headPosition(),
  };
};

/** Opens a second project of the manager's only (the auditor is no member there). */
export const openOtherProject = async (w: AuditWorld): Promise<string> =>
  (await w.portal.ok('OpenProject', { input: { name: 'Other', customerName: 'Globex', budgetHours: 10 } }, w.manager)).openProject.project.id;
