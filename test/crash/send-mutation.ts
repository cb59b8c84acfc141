import { type ApiProcess, sendOperation } from '../harness/api-process.js';
import type { Writer } from './crash-project.js';
import type { Mutation } from './mutations.js';

/** A mutation the API answered with data and no errors: its events must survive anything. */
export interface Acknowledged {
  operation: string;
  userId: string;
  stream: string;
  /** The global position of the mutation's last event, as the API answered it. */
  position: bigint;
}

/** Why the API refused a mutation: its error code, and what the operation and message were. */
export interface Refusal {
  code: string;
  detail: string;
}

export type Answer = { acknowledged: Acknowledged; data: Record<string, any> } | { refused: Refusal };

/**
 * Sends a mutation as the writer. Rejects when the API does not answer (the process is gone):
 * such a mutation may or may not have been stored, and is not counted either way.
 */
export const sendMutation = async (api: ApiProcess, writer: Writer, mutation: Mutation): Promise<Answer> => {
  const answer = await sendOperation(api, mutation.operation, mutation.variables, writer.token);
  if (answer.errors?.length || !answer.data) {
    const error = answer.errors?.[0];
    const detail = `${mutation.operation}: ${error?.message ?? `HTTP ${answer.status}`} ${JSON.stringify(error?.extensions ?? {})}`;
    return { refused: { code: error?.extensions?.code ?? `HTTP ${answer.status}`, detail } };
  }
  mutation.remember?.(answer.data);
  const payload = Object.values(answer.data)[0] as { position: string };
  return {
    acknowledged: {
      operation: mutation.operation,
      userId: writer.userId,
      stream: mutation.streamOf(answer.data),
      position: BigInt(payload.position),
    },
    data: answer.data,
  };
};

/** For the round's setup, which must succeed: a refusal there is a broken test, not a finding. */
export const sendAcknowledged = async (
  api: ApiProcess,
  writer: Writer,
  mutation: Mutation,
): Promise<Extract<Answer, { data: unknown }>> => {
  const answer = await sendMutation(api, writer, mutation);
  if ('refused' in answer) throw new Error(`refused during setup: ${answer.refused.detail}`);
  return answer;
};
