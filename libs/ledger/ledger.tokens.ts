/** Injection tokens of the ledger's infrastructure. */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
export const JWT_SECRET = Symbol('JWT_SECRET');
/** The per-user RateLimiter (RATE_LIMIT_PER_MINUTE): one per app, shared by the guard and what runs before resolvers. */
export const USER_RATE_LIMITER = Symbol('USER_RATE_LIMITER');
