import { contactAuthorityOnRecord, couldApproveScopeAt, sessionOnRecord } from '@cf/contacts';
import type { FactsOnRecord } from '@cf/ledger';
import { type FirstHandWord, requestOnRecord } from '@cf/requests';
import type { RequestFact } from '../domain/commitments.facts.js';

/**
 * Requests a promise rests on, from their streams (`null` = does not exist), with whether each was
 * asked with authority: some first-hand word of a contact who could approve scope then, resting on
 * no session or on one that took place with them there (a confirmation's on or after the request
 * was raised: a session corrected to an earlier day can no longer hold it). Every stream read (request, contacts,
 * sessions) is held unmoved till the append, so a request withdrawn or a session voided on another
 * instance meanwhile makes the decision be taken again; the read models' own judgement of today's
 * standing (authority-evidence.apply) follows the same rule.
 */
export const requestFacts = (onRecord: FactsOnRecord, requestIds: readonly string[]): Promise<(RequestFact | null)[]> =>
  Promise.all(
    requestIds.map(async (id) => {
      const request = await requestOnRecord(onRecord, id);
      if (!request) return null;
      const [requester, relayer, held] = await Promise.all([
        contactAuthorityOnRecord(onRecord, request.requestedById),
        request.relayedById === undefined ? null : contactAuthorityOnRecord(onRecord, request.relayedById),
        Promise.all(request.firstHand.map((word) => wordHolds(onRecord, word))),
      ]);
      return {
        id,
        projectId: request.projectId,
        askedWithAuthority: held.includes(true),
        ...(requester ? { requesterName: requester.name } : {}),
        ...(relayer ? { relayerName: relayer.name } : {}),
        withdrawn: request.withdrawn,
      };
    }),
  );

const wordHolds = async (onRecord: FactsOnRecord, word: FirstHandWord): Promise<boolean> => {
  const contact = await contactAuthorityOnRecord(onRecord, word.contactId);
  if (!contact || !couldApproveScopeAt(contact, word.position)) return false;
  if (word.sessionId === undefined) return true;
  const session = await sessionOnRecord(onRecord, word.sessionId);
  return (
    session !== null &&
    !session.voided &&
    session.contactIds.includes(word.contactId) &&
    (word.notBefore === undefined || session.date >= word.notBefore)
  );
};
