import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
  ValidationRule,
} from 'graphql';
import { GraphQLIncludeDirective, GraphQLSkipDirective, Kind, OperationTypeNode, getDirectiveValues, getVariableValues } from 'graphql';
import { OPERATION_LIMITS, limitRefusal } from './limit-refusal.js';

/**
 * One `__schema` per document: it needs no token, so no user's rate limit counts it, and the cost
 * rule does not see it; each aliased copy is the whole schema again (about 100 kB and 20 ms of the
 * event loop), so a document of 15 copies from anyone who reaches the port held every caller back.
 */
export const schemaIntrospectionsLimited: ValidationRule = (context) => {
  let found = 0;
  return {
    Field(node) {
      if (node.name.value !== '__schema' || ++found !== OPERATION_LIMITS.maxSchemaIntrospections + 1) return;
      context.reportError(
        limitRefusal(
          'maxSchemaIntrospections',
          `At most ${OPERATION_LIMITS.maxSchemaIntrospections} __schema field may be asked for in one document: ask for the schema once`,
        ),
      );
    },
  };
};

/**
 * One mutation field per mutation operation. graphql-js runs an operation's mutations one after
 * another, and every mutation's answer is non-null, so one refused after others were saved nulled
 * the whole answer: the client heard only the refusal, could not learn what was saved, and sent it
 * again. Each mutation in a request of its own is saved whole or refused whole, and its answer says
 * which. Counted per request, as execution will run it: only the operation `operationName` picks,
 * one field per response key (graphql-js merges a field repeated under one key), none that
 * `@skip`/`@include` leave out with these variables, and `__typename` aside (it changes nothing).
 */
export const mutationFieldRefusals = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError[] => {
  if (operation.operation !== OperationTypeNode.MUTATION) return [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
  // Variables that do not fit are refused by execution before anything runs.
  if (coerced.errors) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fields = new Set<string>();
  collectResponseKeys(operation.selectionSet, { fragments, variables: coerced.coerced, spread: new Set() }, fields);
  fields.delete('__typename');
  if (fields.size <= OPERATION_LIMITS.maxMutationFields) return [];
  return [
    limitRefusal(
      'maxMutationFields',
      `A mutation operation may ask for ${OPERATION_LIMITS.maxMutationFields} mutation field, this one asks for ${fields.size}: send each mutation in a request of its own, so that each answer says whether it was saved`,
    ),
  ];
};

interface Collecting {
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  spread: Set<string>;
}

/**
 * The response keys a root selection yields, through fragments, as graphql-js collects them. On the
 * Mutation root every type condition that passed validation is Mutation itself, so only the
 * directives decide whether a selection counts.
 */
const collectResponseKeys = (selections: SelectionSetNode, collecting: Collecting, keys: Set<string>): void => {
  for (const selection of selections.selections) {
    if (!included(selection, collecting.variables)) continue;
    if (selection.kind === Kind.FIELD) keys.add(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectResponseKeys(selection.selectionSet, collecting, keys);
    else if (!collecting.spread.has(selection.name.value)) {
      collecting.spread.add(selection.name.value);
      const fragment = collecting.fragments.get(selection.name.value);
      if (fragment) collectResponseKeys(fragment.selectionSet, collecting, keys);
    }
  }
};

const included = (node: SelectionNode, variables: Record<string, unknown>): boolean =>
  getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
