import { type ContactState, contactOnRecord } from '@cf/contacts';
import type { FactsOnRecord } from '@cf/ledger';
import type { RequesterFact, RequestContactRole } from '../domain/requests.commands.js';

/** A contact a request names (who asked, who relayed), from their stream, held unmoved till the append; null when there is none. */
export const requesterOnRecord = async (onRecord: FactsOnRecord, contactId: string): Promise<RequesterFact | null> =>
  toRequester(await contactOnRecord(onRecord, contactId));

const toRequester = (contact: ContactState | null): RequesterFact | null =>
  contact
    ? {
        id: contact.contactId,
        projectId: contact.projectId,
        canApproveScope: contact.canApproveScope,
        role: contact.role as RequestContactRole,
        forgotten: contact.forgotten,
      }
    : null;
