import { streamName } from '@cf/core';
import type { EventStore } from '@cf/event-store';
import { getMetadataStorage } from 'class-validator';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id in capitals is one a project was opened with before chosen ids were kept in lowercase. */
export type KeptAsWritten = (id: string) => Promise<boolean>;

/** A project opened with an id in capitals has a stream of that name; any other id is the ledger's in lowercase. */
export const projectKeptAsWritten =
  (store: Pick<EventStore, 'lastIndexOf'>): KeptAsWritten =>
  async (id) =>
    (await store.lastIndexOf(streamName('project', id))) >= 0;

/** An id as the ledger knows it: in lowercase, unless a project was opened with it in capitals. */
export const idAsKept = async <T>(value: T, keptAsWritten: KeptAsWritten): Promise<T> =>
  typeof value === 'string' && UUID.test(value) && value !== value.toLowerCase() && !(await keptAsWritten(value))
    ? (value.toLowerCase() as T)
    : value;

/** Per input class, read once: the input of every mutation passes here. */
const UUID_PROPERTIES = new Map<object, Set<string>>();

/** The properties of an input class that hold UUIDs (`@IsUUID`, one or a list): user ids, which are no UUIDs of ours, stay as sent. */
const uuidProperties = (target: object): Set<string> => {
  let properties = UUID_PROPERTIES.get(target.constructor);
  if (!properties) {
    properties = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(target.constructor, '', true, false)
        .filter((meta) => meta.name === 'isUuid')
        .map((meta) => meta.propertyName),
    );
    UUID_PROPERTIES.set(target.constructor, properties);
  }
  return properties;
};

const inputInLowerCase = async (input: Record<string, unknown>, keptAsWritten: KeptAsWritten, depth: number): Promise<void> => {
  const uuids = uuidProperties(input);
  for (const [key, value] of Object.entries(input)) {
    if (uuids.has(key)) {
      input[key] = Array.isArray(value)
        ? await Promise.all(value.map((id) => idAsKept(id, keptAsWritten)))
        : await idAsKept(value, keptAsWritten);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 5) {
      await inputInLowerCase(value as Record<string, unknown>, keptAsWritten, depth + 1);
    }
  }
};

/**
 * UUIDs are case-insensitive (RFC 9562 §4) and the service writes its own in lowercase, so an id
 * sent in capitals names the same entity everywhere: every argument that is an id (`id`,
 * `projectId`, an input's `@IsUUID` fields) is read in lowercase before any resolver sees it —
 * but for the id of a project opened in capitals before chosen ids were kept in lowercase, which
 * keeps it (history is not rewritten). Only an id in capitals costs that one look.
 */
export const idsInLowerCase = async (value: unknown, argument: string | undefined, keptAsWritten: KeptAsWritten): Promise<unknown> => {
  if (typeof value === 'string') return argument === 'id' || argument?.endsWith('Id') ? idAsKept(value, keptAsWritten) : value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    await inputInLowerCase(value as Record<string, unknown>, keptAsWritten, 0);
  return value;
};
