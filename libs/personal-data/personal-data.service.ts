import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { NewEvent } from '@cf/event-store';
import type { KeyStore } from './key-store.js';
import { unsealWith } from './key-store.js';
import { forgetFields, sealFields, subjectsIn } from './sealing.js';

export const KEY_STORE = Symbol('KEY_STORE');

/** Seals events before they are appended: the decider has already seen them in plaintext. */
export type EventSealer = (events: NewEvent[]) => NewEvent[];

/**
 * What handlers and the API use of crypto-shredding. The write side seals a subject's personal
 * fields with that subject's key; the read side unseals whatever it sends (see UnsealPlugin).
 */
@Injectable()
export class PersonalData implements OnApplicationShutdown {
  constructor(@Inject(KEY_STORE) readonly keys: KeyStore) {}

  /** Makes the subject's key durably first, then returns what seals the named data fields. */
  async sealerFor(subjectId: string, fields: readonly string[]): Promise<EventSealer> {
    const key = await this.keys.create(subjectId);
    return (events) => sealFields(events, fields, key, subjectId);
  }

  /**
   * What seals the named fields for a subject whose key was made before (a contact): with that
   * key, or as [forgotten] when it is gone (forgotten, or a log imported without its keys) — a
   * new key would make a forgotten person's data readable again.
   */
  async sealerForKept(subjectId: string, fields: readonly string[]): Promise<EventSealer> {
    const key = (await this.keys.find([subjectId])).get(subjectId);
    return key ? (events) => sealFields(events, fields, key, subjectId) : (events) => forgetFields(events, fields);
  }

  /**
   * What seals a customer's name where an event's data records them acting (`field`, a path such
   * as `confirmedBy.name`): a CUSTOMER member's name is the linked contact's personal data, as
   * AddMember seals it, so forgetting the contact forgets it here too. Nothing for the team.
   */
  async sealerForCustomerName(actor: { role: string; contactId?: string | null }, field: string): Promise<EventSealer | undefined> {
    return actor.role === 'CUSTOMER' && actor.contactId ? this.sealerForKept(actor.contactId, [field]) : undefined;
  }

  /** A key made for a subject whose events were never appended (a refused or replayed command). */
  discard(subjectId: string): Promise<void> {
    return this.keys.destroy(subjectId);
  }

  beginForgetting(subjectId: string): Promise<void> {
    return this.keys.markForgetting(subjectId);
  }

  abandonForgetting(subjectId: string): Promise<void> {
    return this.keys.unmarkForgetting(subjectId);
  }

  /** Destroys the key: every sealed value of the subject reads [forgotten] from now on. */
  completeForgetting(subjectId: string): Promise<void> {
    return this.keys.destroy(subjectId);
  }

  pendingForgets(): Promise<string[]> {
    return this.keys.markedForgetting();
  }

  /** Whether the value holds sealed data whose subject's key is gone (forgotten, or a log imported without its keys). */
  async isLost(value: unknown): Promise<boolean> {
    const subjects = [...subjectsIn(value)];
    if (subjects.length === 0) return false;
    const found = await this.keys.find(subjects);
    return subjects.some((subject) => !found.has(subject));
  }

  unseal<T>(value: T): Promise<T> {
    return unsealWith(this.keys, value);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}
