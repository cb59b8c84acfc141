import type { ASTVisitor, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';
import { Kind } from 'graphql';
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
 * One mutation per document. graphql-js runs a document's mutations one after another, and every
 * mutation's answer is non-null, so one refused after others were saved nulled the whole answer:
 * the client heard only the refusal, could not learn what was saved, and sent it again. Each
 * mutation in a request of its own is saved whole or refused whole, and its answer says which.
 */
export const mutationFieldsLimited: ValidationRule = (context): ASTVisitor => ({
  OperationDefinition(node) {
    if (node.operation !== 'mutation') return;
    const fields = topLevelFields(context, node.selectionSet, new Set());
    if (fields <= OPERATION_LIMITS.maxMutationFields) return;
    context.reportError(
      limitRefusal(
        'maxMutationFields',
        `A mutation operation may ask for ${OPERATION_LIMITS.maxMutationFields} mutation field, this one asks for ${fields}: send each mutation in a request of its own, so that each answer says whether it was saved`,
      ),
    );
  },
});

/** The fields an operation selects at its top, through fragments, `__typename` aside (it changes nothing). */
const topLevelFields = (context: ValidationContext, selections: SelectionSetNode, spread: Set<string>): number => {
  let count = 0;
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += topLevelFields(context, selection.selectionSet, spread);
    else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += topLevelFields(context, fragment.selectionSet, spread);
    }
  }
  return count;
};
