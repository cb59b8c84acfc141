import { channel } from 'node:diagnostics_channel';

/**
 * Published with `true` when this instance takes the projections' lead (at its start, or when the
 * leader stopped or died) and `false` when it gives it up: the API writes it as a line of its log,
 * so an operator reads when and where the read models moved on after a failover.
 */
export const projectionLeadChanged = channel('ledger:projection-lead-changed');
