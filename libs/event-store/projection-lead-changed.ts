import { channel } from 'node:diagnostics_channel';

/**
 * Published with `true` when this instance takes the projections' lead (at its start, or when the
 * leader stopped or died) and `false` when it gives it up: the API writes it as a line of its log,
 * so an operator reads when and where the read models moved on after a failover.
 */
export const projectionLeadChanged = channel('ledger:projection-lead-changed');

/**
 * Published with the names of the read models newer code built when this instance gives the
 * projections up for good (an upgrade under way): the API writes it as a line of its log, the one
 * an operator looks for during an upgrade.
 */
export const projectionsGivenUpToNewerCode = channel('ledger:projections-given-up-to-newer-code');
