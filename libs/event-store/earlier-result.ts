import { DomainError } from '@cf/core';
import type { EventStore, IdempotentAppend } from './event-store.js';
import type { CommandMetadata, CommandOptions, CommandResult } from './command.js';

/** What an idempotency key is bound to: the kind of command and a hash of its payload. */
export const fingerprintOf = (command: unknown, metadata: CommandMetadata): string =>
  `${String((command as { type?: unknown }).type)}:${metadata.payloadHash ?? ''}`;

export const findEarlierResult = async (
  store: EventStore,
  command: unknown,
  metadata: CommandMetadata,
  { sameAsReplayed }: Pick<CommandOptions, 'sameAsReplayed'> = {},
): Promise<CommandResult | undefined> => {
  if (!metadata.idempotencyKey) return undefined;
  const stored = await store.findIdempotentResult(metadata.actor.userId, metadata.idempotencyKey);
  if (!stored) return undefined;
  await requireSameCommand(store, stored, fingerprintOf(command, metadata));
  const earlier = { stream: stored.stream, lastIndex: stored.lastIndex, position: stored.position, replayed: true };
  await sameAsReplayed?.(earlier);
  return earlier;
};

/** How a fingerprint's payload was hashed: the name before its hash (`Kind:input:…`), none for the first way. */
const hashingOf = (fingerprint: string): string => {
  const parts = fingerprint.split(':');
  return parts.length > 2 ? parts[1] : '';
};

/** The same key and command with other input: refused, naming the key (a retry must send what it sent). */
export const keyUsedWithOtherInput = (): DomainError =>
  DomainError.badInput('idempotencyKey', 'was already used with other input; send a new key for a new command');

/** A key reused for another command would answer with the first one's result: refused, naming the key. */
const requireSameCommand = async (store: EventStore, stored: IdempotentAppend, fingerprint: string): Promise<void> => {
  const [first] = await store.readStream(stored.stream, { fromIndex: stored.lastIndex });
  const earlier = first?.metadata.commandFingerprint;
  if (typeof earlier !== 'string' || earlier === fingerprint) return; // keys from before fingerprints: as before
  const [kind] = earlier.split(':');
  // A payload hashed another way (before its way was named, say: raw arguments) cannot be compared: as a key from before fingerprints.
  if (kind === fingerprint.split(':')[0] && hashingOf(earlier) !== hashingOf(fingerprint)) return;
  if (kind === fingerprint.split(':')[0]) throw keyUsedWithOtherInput();
  throw DomainError.badInput('idempotencyKey', `was already used for another kind of command (${kind}); send a new key for a new command`);
};
