import { Injectable } from '@nestjs/common';
import type { FactsOnRecord } from '@cf/ledger';

/**
 * The last day a member spent with the project's customers in a session that took place; null
 * when none. The project's sessions are held unchanged on `onRecord` till the removal's append.
 */
export type LastDayWithCustomers = (projectId: string, userId: string, onRecord: FactsOnRecord) => Promise<string | null>;

/**
 * Sessions are the contacts context's: it tells this one, when its module starts, the last day a
 * member spent with customers, so a departure is never dated before it (a developer counted on a
 * day after they left). Read from its read model brought to the log's head, and from the log past
 * it; a session logged or corrected after that read, on any instance, makes the removal be decided
 * again (UnchangedSince: a new session stream moves nothing else the removal holds).
 */
@Injectable()
export class DaysWithCustomers {
  private lookup?: LastDayWithCustomers;

  knownBy(lookup: LastDayWithCustomers): void {
    this.lookup = lookup;
  }

  lastDay(projectId: string, userId: string, onRecord: FactsOnRecord): Promise<string | null> {
    // A process that never loaded the contacts context cannot tell: better no answer than a wrong one.
    if (!this.lookup) throw new Error('no lookup registered for days with customers: the contacts module is not loaded');
    return this.lookup(projectId, userId, onRecord);
  }
}
