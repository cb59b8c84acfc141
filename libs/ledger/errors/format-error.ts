import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDomainError } from '@cf/core';
import { fieldOfLiteralError, fieldOfVariableError, isGraphQLError } from './field-of-refusal.js';
import { STORE_UNREACHABLE_MESSAGE, isStoreUnreachable } from './store-unreachable.js';
import { loggedInternalError } from './logged-internal-errors.js';

/** Codes a client may see besides the DomainError ones: GraphQL's own request errors. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/** Apollo's own request codes outside the documented set, as the documented code a client can act on. */
const RENAMED: Record<string, string> = { OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST' };

/** JavaScript's own errors: when one surfaces inside a request error (a parser stack overflow), its message is internal. */
const RUNTIME_ERRORS = [RangeError, TypeError, ReferenceError, SyntaxError, EvalError, URIError];
const runtimeCause = (error: unknown): boolean => {
  let cause: unknown = error;
  while (isGraphQLError(cause) && cause.originalError) cause = cause.originalError;
  return cause instanceof Error && RUNTIME_ERRORS.some((type) => cause.constructor === type);
};

const internalErrors = new Logger('GraphQL: internal error');

const SAFE_MESSAGES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'The document could not be parsed: it is too large or nested too deeply',
};

/**
 * graphql-js stops checking a document past budgets of its own (fields repeated too often to check
 * that they merge, fragments spread too often) and says only "Validation aborted.": answered as
 * the other limits are, naming a rule.
 */
const REPETITION_REFUSAL = {
  message:
    'The operation repeats fields or fragment spreads too often for graphql-js to check it: ask for each field once and spread each fragment less often',
  rule: 'validationBudget',
};

/** graphql-js's parser stopping at its token limit (spelt "more that" there): a limit like the others, named by its rule. */
const TOKEN_REFUSAL = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

const refusalInside = (error: unknown): unknown =>
  isGraphQLError(error) && !error.path && isDomainError(error.originalError) ? error.originalError : error;

/**
 * Maps every error once to `extensions.code`: DomainErrors keep their code and details,
 * GraphQL's own request errors pass through, anything else becomes INTERNAL_SERVER_ERROR
 * with no message or stack from inside (it is logged here instead).
 */
export const formatLedgerError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
  const original = refusalInside(unwrapResolverError(error));
  if (isDomainError(original)) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.code, ...original.details },
    };
  }
  const given = formatted.extensions?.code;
  const code = typeof given === 'string' ? (RENAMED[given] ?? given) : given;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    const { stacktrace: _hidden, ...extensions } = formatted.extensions ?? {};
    if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === 'Validation aborted.') {
      return { message: REPETITION_REFUSAL.message, extensions: { ...extensions, code, rule: REPETITION_REFUSAL.rule } };
    }
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_REFUSAL.exec(formatted.message)?.[1] : undefined;
    if (tokens !== undefined) {
      const message = `The document holds more than ${tokens} tokens; at most ${tokens} are allowed: send a smaller one`;
      return { message, locations: formatted.locations, extensions: { ...extensions, code, rule: 'maxTokens' } };
    }
    const message = runtimeCause(error) ? (SAFE_MESSAGES[code] ?? 'The request could not be processed') : formatted.message;
    // A value written into the document that its type refuses is bad input as much as a variable is.
    const literalField = code === 'GRAPHQL_VALIDATION_FAILED' ? fieldOfLiteralError(error) : undefined;
    if (literalField)
      return { message, locations: formatted.locations, extensions: { ...extensions, code: 'BAD_USER_INPUT', field: literalField } };
    const field =
      code === 'BAD_USER_INPUT' && extensions.field === undefined
        ? fieldOfVariableError(message, isGraphQLError(error) ? error.source?.body : undefined)
        : undefined;
    return {
      message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...extensions, code, ...(field ? { field } : {}) },
    };
  }
  // graphql-js's own request errors carry no code, path or cause (e.g. "Too many errors processing variables");
  // Apollo would label them INTERNAL_SERVER_ERROR.
  if (isGraphQLError(original) && !original.path && !original.originalError && original.extensions?.code === undefined) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_REQUEST' } };
  }
  // A store that does not answer is no fault of the request: the client may send it again, as when a command finds it so.
  // The operation's own line says so; it is not logged as a crash.
  if (isStoreUnreachable(original)) {
    return { message: STORE_UNREACHABLE_MESSAGE, path: formatted.path, extensions: { code: 'UNAVAILABLE' } };
  }
  // Nest's logger writes to the application's log (JSON lines in the API), with the stack; once, if LedgerErrorFilter has not.
  if (!(original instanceof Error && loggedInternalError.has(original))) internalErrors.error(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
};

/**
 * graphql-js's suggestion as it ends a message, in its own shapes only (` Did you mean "a"?`,
 * `"a" or "b"`, `"a", "b", or "c"`, `the enum value "A"`, `to use an inline fragment on "T"`):
 * a value the client sent is echoed into some messages, and its own words are never cut.
 */
const SUGGESTION = / Did you mean (?:the enum value |to use an inline fragment on )?"[^"]*"(?:, "[^"]*")*(?:,? or "[^"]*")?\?$/;

/**
 * The formatter for a server's introspection setting: with it off, graphql-js's " Did you mean …?"
 * is left out of every message (fields, types, arguments, enum values close to a mistyped one
 * would spell out the schema a piece at a time). One formatter for HTTP and graphql-ws.
 */
export const ledgerErrorFormat = ({ introspection }: { introspection: boolean }): typeof formatLedgerError =>
  introspection
    ? formatLedgerError
    : (formatted, error) => {
        const answered = formatLedgerError(formatted, error);
        return { ...answered, message: answered.message.replace(SUGGESTION, '') };
      };
