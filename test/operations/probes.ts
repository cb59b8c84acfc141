import type { Portal } from '../harness/portal-harness.js';

/** A probe's answer: its status and the checks it names. */
export interface Probe {
  status: number;
  body: { status: string; error?: Record<string, { status: string; message?: string }> };
}

export const probe = async (portal: Portal, path: string): Promise<Probe> => {
  const response = await fetch(portal.url.replace('/graphql', path));
  return { status: response.status, body: (await response.json()) as Probe['body'] };
};

/** Polls until the probe answers `status`, or fails with the last answer after timeoutMs. */
export const eventually = async (portal: Portal, path: string, status: number, timeoutMs = 15_000): Promise<Probe> => {
  const deadline = Date.now() + timeoutMs;
  let last = await probe(portal, path);
  while (last.status !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await probe(portal, path);
  }
  if (last.status !== status)
    throw new Error(`${path} answered ${last.status} for ${timeoutMs} ms, not ${status}: ${JSON.stringify(last.body)}`);
  return last;
};
