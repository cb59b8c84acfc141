import { Injectable } from '@nestjs/common';

/** The last day a member spent with the project's customers in a session that took place; null when none. */
export type LastDayWithCustomers = (projectId: string, userId: string) => Promise<string | null>;

/**
 * Sessions are the contacts context's: it tells this one, when its module starts, the last day a
 * member spent with customers, so a departure is never dated before it (a developer counted on a
 * day after they left). Read from its read model brought to the log's head, and from the log past
 * it: a session logged in the instant between that read and the removal's append is the one
 * window this check leaves open (a new session stream moves nothing the removal holds).
 */
@Injectable()
export class DaysWithCustomers {
  private lookup?: LastDayWithCustomers;

  knownBy(lookup: LastDayWithCustomers): void {
    this.lookup = lookup;
  }

  lastDay(projectId: string, userId: string): Promise<string | null> {
    // A process that never loaded the contacts context cannot tell: better no answer than a wrong one.
    if (!this.lookup) throw new Error('no lookup registered for days with customers: the contacts module is not loaded');
    return this.lookup(projectId, userId);
  }
}
