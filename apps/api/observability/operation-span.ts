import type { Span } from '@opentelemetry/api';

const OPERATION_SPAN = Symbol('operationSpan');

interface WithSpan {
  [OPERATION_SPAN]?: Span;
}

/** The GraphQL operation's span rides on the operation's context, from the plugin to the resolvers. */
export const setOperationSpan = (context: object, span: Span): void => {
  (context as WithSpan)[OPERATION_SPAN] = span;
};

export const operationSpanOf = (context: object | undefined): Span | undefined => (context as WithSpan | undefined)?.[OPERATION_SPAN];
