import type { DomainError } from '@cf/core';

/** Where an id was echoed cut short (DomainError.notFound), what it began with. */
const sentAs = (value: unknown, id: string): boolean =>
  typeof value === 'string' && (value === id || (id.endsWith('…') && value.startsWith(id.slice(0, -1))));

/** The name of the argument or input field holding `id` (an input's own key, as BAD_USER_INPUT names it). */
const fieldHolding = (args: Record<string, unknown>, id: string, depth = 0): string | undefined => {
  for (const [key, value] of Object.entries(args)) {
    if (sentAs(value, id) || (Array.isArray(value) && value.some((item) => sentAs(item, id)))) return key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 3) {
      const inner = fieldHolding(value as Record<string, unknown>, id, depth + 1);
      if (inner) return inner;
    }
  }
  return undefined;
};

/**
 * A NOT_FOUND names the input that sent the unknown id (`field`), like every other refusal of an
 * input: the rule that found it missing (a lookup by id, an access check) knows the id, not which
 * argument carried it, so the one place every resolver error passes with its arguments adds it.
 */
export const notFoundNamingItsInput = (error: DomainError, args: Record<string, unknown> | undefined): DomainError => {
  if (error.code !== 'NOT_FOUND' || error.details.field !== undefined || typeof error.details.id !== 'string' || !args) return error;
  const field = fieldHolding(args, error.details.id);
  return field ? error.about(field) : error;
};
