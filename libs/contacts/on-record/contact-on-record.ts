import { streamName } from '@cf/core';
import type { FactsOnRecord } from '@cf/ledger';
import { contactsDecider } from '../domain/contacts.decide.js';
import type { ContactState } from '../domain/contacts.state.js';

/**
 * A contact as its stream holds it, for a decision another stream takes on it (who asked, whether
 * they could approve scope, whether they were forgotten); null when there is no such contact.
 * From the log, held unmoved until the decision's append: a contact revised or forgotten on
 * another instance meanwhile makes the decision be taken again, never rest on what was.
 */
export const contactOnRecord = async (onRecord: FactsOnRecord, contactId: string): Promise<ContactState | null> => {
  const { state } = await onRecord.fold(contactsDecider, streamName('contact', contactId));
  return state.exists ? state : null;
};
