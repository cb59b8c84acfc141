/** Injection tokens of the ledger's infrastructure. */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
export const JWT_SECRET = Symbol('JWT_SECRET');
