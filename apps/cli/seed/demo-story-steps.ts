import type { SeedClient } from './seed-client.js';

/** The ids the story gives names to: the project, contacts, requirements, requests, sessions, promises. */
export type Ids = Record<string, string>;

/** A request raised by Jonas in the story's project, kept under `key`. */
export const raiseRequest = async (client: SeedClient, ids: Ids, key: string, input: Record<string, unknown>): Promise<void> => {
  ids[key] = (
    await client.mutate('jonas', 'raiseRequest', 'RaiseRequestInput', { projectId: ids.project, ...input }, 'request { id }')
  ).request.id;
};
