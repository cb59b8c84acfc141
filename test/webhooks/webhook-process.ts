import { type ApiProcess, sendOperation } from '../harness/api-process.js';

/** What the built API needs to deliver to a receiver on 127.0.0.1 quickly in a test. */
export const FAST_WEBHOOKS = {
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_SECONDS: '0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_TIMEOUT_MS: '1000',
};

/** Sends a portal operation to a running API and fails with its errors when there are any. */
export const ok = async (api: ApiProcess, operation: string, variables: object, token: string): Promise<Record<string, any>> => {
  const answer = await sendOperation(api, operation, variables, token);
  if (answer.errors) throw new Error(`${operation} failed: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
};

/** A project with a manager (the token given), a developer `dan` and a contact; returns ids for a commitment. */
export const openWebhookProject = async (api: ApiProcess, mia: string): Promise<{ projectId: string; dora: string }> => {
  const projectId = (await ok(api, 'OpenProject', { input: { name: 'Invoicing', customerName: 'ACME', budgetHours: 100 } }, mia))
    .openProject.project.id;
  const dora = (
    await ok(api, 'RegisterContact', { input: { projectId, name: 'Dora Decider', role: 'DECISION_MAKER', canApproveScope: true } }, mia)
  ).registerContact.contact.id;
  return { projectId, dora };
};

/** The project's first webhook's deliveries, polled until `done` holds for the list (or 20 s pass; the caller judges). */
export const deliveriesWhen = async (
  api: ApiProcess,
  projectId: string,
  token: string,
  done: (deliveries: Record<string, any>[]) => boolean,
) => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const deliveries = (await ok(api, 'Webhooks', { projectId }, token)).webhooks[0].deliveries as Record<string, any>[];
    if (done(deliveries) || Date.now() > deadline) return deliveries;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
