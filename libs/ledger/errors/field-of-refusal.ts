import { GraphQLError } from 'graphql';
import { POINTED_AT, fieldOfLiteral, fieldOfVariable } from './literal-field.js';

/** By shape as well as class: Apollo and the app may load graphql's ESM and CommonJS builds side by side. */
export const isGraphQLError = (error: unknown): error is GraphQLError =>
  error instanceof GraphQLError || (error instanceof Error && 'extensions' in error && 'locations' in error && 'path' in error);

/**
 * The field a value GraphQL could not take was given for, named as the ledger's own refusals name
 * it: within the variable's object (`Variable "$input" got invalid value "2026-02-30" at
 * "input.date"` → `date`; `…; Field "title" of required type "String!" was not provided.` →
 * `title`), or, for a variable that is the whole value, by the argument it is given for as a value
 * written there is named (`asOf: $when` → `asOf`, `requestIds: $ids` at "ids[0]" → `requestIds[0]`),
 * else by the variable itself.
 */
export const fieldOfVariableError = (message: string, document: string | undefined): string | undefined => {
  const variable = /^Variable "\$(\w+)" /.exec(message)?.[1];
  if (variable === undefined) return undefined;
  const at = /^Variable "\$\w+" got invalid value .*? at "([^"]+)"/s.exec(message)?.[1] ?? variable;
  // A required field left out, or one the input type does not have.
  const missing = /; Field "(\w+)" (?:of required type|is not defined by type) /.exec(message)?.[1];
  const rest = at.slice(variable.length); // "", ".date" within an object, "[0]…" within a list
  const within = rest.startsWith('.') ? [rest.slice(1)] : [];
  const path = [...within, ...(missing === undefined ? [] : [missing])];
  if (path.length > 0) return path.join('.');
  const usage = (document === undefined ? undefined : fieldOfVariable(document, variable)) ?? variable;
  return `${usage}${rest}`;
};

/**
 * The argument or input field a value written into the document was given for, when validation
 * refused the value itself (`first: 99999999999`, `kind: FOO`, a scalar's refusal, an input
 * field left out or unknown): graphql-js points such a refusal at the value. Limits name a rule
 * and are no bad input.
 */
export const fieldOfLiteralError = (error: unknown): string | undefined => {
  if (!isGraphQLError(error) || error.extensions?.rule !== undefined) return undefined;
  const node = error.nodes?.[0];
  const text = error.source?.body;
  // Only a refusal pointing at a value names one: the others (an unknown field) need no walk of the document.
  if (node?.loc === undefined || text === undefined || !POINTED_AT.has(node.kind)) return undefined;
  const leftOut = /^Field "(?:\w+\.)?(\w+)" of required type /.exec(error.message)?.[1];
  return fieldOfLiteral(text, node.loc.start, leftOut);
};
