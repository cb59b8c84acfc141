import type { DocumentNode, GraphQLError, OperationDefinitionNode, ValidationRule } from 'graphql';
import { OperationTypeNode } from 'graphql';
import { fragmentsOf, topLevelFields } from '@cf/ledger';
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
 * which. Counted per request, as execution will run it (topLevelFields): only the operation
 * `operationName` picks, with these variables, coerced.
 */
export const mutationFieldRefusals = (
  document: DocumentNode,
  operation: OperationDefinitionNode,
  coercedVariables: Record<string, unknown>,
): GraphQLError[] => {
  if (operation.operation !== OperationTypeNode.MUTATION) return [];
  const fields = topLevelFields(operation, fragmentsOf(document), coercedVariables);
  if (fields.length <= OPERATION_LIMITS.maxMutationFields) return [];
  return [
    limitRefusal(
      'maxMutationFields',
      `A mutation operation may ask for ${OPERATION_LIMITS.maxMutationFields} mutation field, this one asks for ${fields.length}: send each mutation in a request of its own, so that each answer says whether it was saved`,
    ),
  ];
};
