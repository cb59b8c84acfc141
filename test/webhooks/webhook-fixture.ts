import type { Portal } from '../harness/portal-harness.js';

export interface WebhookProject {
  projectId: string;
  /** MANAGER */
  mia: string;
  /** DEVELOPER */
  dan: string;
  dora: string;
}

/** A project with 100 h of budget and no baseline, a manager, a developer and a contact who can approve scope. */
export const webhookProject = async (portal: Portal): Promise<WebhookProject> => {
  const mia = await portal.tokenFor('mia', 'Mia Manager');
  const dan = await portal.tokenFor('dan', 'Dan Developer');
  const { openProject } = await portal.ok('OpenProject', { input: { name: 'Invoicing', customerName: 'ACME', budgetHours: 100 } }, mia);
  const projectId: string = openProject.project.id;
  const dora = (
    await portal.ok('RegisterContact', { input: { projectId, name: 'Dora Decider', role: 'DECISION_MAKER', canApproveScope: true } }, mia)
  ).registerContact.contact.id;
  await portal.ok('AddMember', { input: { projectId, userId: 'dan', name: 'Dan Developer', role: 'DEVELOPER' } }, mia);
  return { projectId, mia, dan, dora };
};

/** A developer's promise outside requirements and beyond the budget: it awaits approval and is outside the budget. */
export const promiseTooMuch = async (portal: Portal, p: WebhookProject, summary = 'Export to the old ERP'): Promise<string> =>
  (await portal.ok('MakeCommitment', { input: { projectId: p.projectId, summary, madeToId: p.dora, estimateHours: 150 } }, p.dan))
    .makeCommitment.commitment.id;

export const registerWebhook = async (portal: Portal, p: WebhookProject, url: string, events: string[]) =>
  (await portal.ok('RegisterWebhook', { input: { projectId: p.projectId, url, events } }, p.mia)).registerWebhook;

const DELIVERIES =
  'query($projectId: ID!) { webhooks(projectId: $projectId) { id deliveries(first: 20) { id status attempts lastStatusCode lastError } } }';

/** Polls a MANAGER's listing until the webhook's latest delivery has `status`, for up to 20 s: that delivery as listed then. */
export const latestDelivery = async (
  portal: Portal,
  p: WebhookProject,
  webhookId: string,
  status: string,
): Promise<Record<string, any>> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { data } = await portal.graphql(DELIVERIES, { projectId: p.projectId }, p.mia);
    const [latest] = data!.webhooks.find((w: { id: string }) => w.id === webhookId).deliveries;
    if (latest?.status === status || Date.now() > deadline) return latest;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
