/** Injection tokens of the ledger's infrastructure. */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
export const LEDGER_PROJECTIONS = Symbol('LEDGER_PROJECTIONS');
export const JWT_SECRET = Symbol('JWT_SECRET');
