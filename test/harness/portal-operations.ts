import { readFileSync } from 'node:fs';
import { type DocumentNode, type OperationDefinitionNode, Kind, parse, print } from 'graphql';
import { repositoryPath } from './repository-path.js';

/** The operations the team portal sends, exactly as written (a copy of shared/portal). */
export const PORTAL_OPERATIONS_FILE = repositoryPath('test/portal/operations.graphql');

export const portalDocument = (): DocumentNode => parse(readFileSync(PORTAL_OPERATIONS_FILE, 'utf8'));

export const portalOperations = (): OperationDefinitionNode[] =>
  portalDocument().definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/** The text of one named portal operation, to send on its own. */
export const portalOperation = (name: string): string => {
  const operation = portalOperations().find((o) => o.name?.value === name);
  if (!operation) throw new Error(`the portal sends no operation named ${name}`);
  return print(operation);
};
