import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { streamName } from '@cf/core';
import type { EventStore } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';

/** True when the contact's stream holds ContactForgotten: the forget was accepted. */
export const wasForgotten = async (store: EventStore, contactId: string): Promise<boolean> =>
  (await store.readStream(streamName('contact', contactId))).some((event) => event.type === 'ContactForgotten');

/**
 * At start, finishes forgets a crash interrupted between appending ContactForgotten and
 * destroying the key. A marked key whose stream has no ContactForgotten is kept: that forget was
 * never accepted (or is still running in another instance), and a later forget settles it.
 */
@Injectable()
export class ForgottenKeysReconciler implements OnApplicationBootstrap {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly personalData: PersonalData,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const contactId of await this.personalData.pendingForgets()) {
      if (await wasForgotten(this.eventSourcing.store, contactId)) await this.personalData.completeForgetting(contactId);
    }
  }
}
