/**
 * Internal errors already logged where their operation is known (LedgerErrorFilter), so that
 * formatLedgerError, which sees every error but no request, logs only those that never passed there.
 */
export const loggedInternalError = new WeakSet<Error>();
