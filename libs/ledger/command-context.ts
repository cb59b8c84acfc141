import type { Clock } from '@cf/core';
import type { CommandMetadata } from '@cf/event-store';
import type { Caller } from './caller.js';
import { type KeyedInput, inputFingerprint } from './keyed-input.js';
import type { Lane } from './stream-lanes.js';

/** Who sends a command, and how: what EventSourcing.execute takes besides the decider, the stream and the command. */
export interface CommandContext {
  caller: Caller;
  /** The mutation's input, when it may carry an idempotency key: the key is bound to it (inputFingerprint). */
  keyed?: KeyedInput;
  /** The keyed input's fields the log keeps sealed (personal data, a webhook's URL): left out of its fingerprint (inputFingerprint). */
  sealedFields?: readonly string[];
  /** As the portal sends it: the entity's revision (its event count) the user last saw. */
  expectedRevision?: number | null;
  /** The stream's turn, when the caller took it to read facts of the stream first (executeOnRecord). */
  lane?: Lane;
}

/** A command's name for metrics and traces: its `type`, one of a fixed set in the code. */
export const nameOf = (command: unknown): string => {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : 'unnamed';
};

/** What handleCommand reads of a context: by whom, when, a keyed input's key and fingerprint, the revision the sender saw. */
export const commandMetadataOf = (context: CommandContext, clock: Clock): CommandMetadata => ({
  actor: context.caller.actor,
  clock: () => clock.now(),
  correlationId: context.caller.correlationId,
  ...(context.keyed?.idempotencyKey
    ? { idempotencyKey: context.keyed.idempotencyKey, payloadHash: inputFingerprint(context.keyed, context.sealedFields) }
    : {}),
  expectedLastIndex: context.expectedRevision == null ? undefined : context.expectedRevision - 1,
});
