import type { DocumentNode } from 'graphql';

type Variables = Record<string, unknown> | null | undefined;

/** Longer variables are estimated each time: a key that size is not worth keeping. */
const LONGEST_KEY = 1024;
const MOST_PER_DOCUMENT = 64;

const keyOf = (variables: Variables, operationName: string | null | undefined): string | undefined => {
  const key = JSON.stringify([operationName ?? null, variables ?? {}]);
  return key.length <= LONGEST_KEY ? key : undefined;
};

/**
 * The variables whose cost each document was found to be within, by their text: the portal sends
 * the same few operations with the same variables again and again, and estimating a cost walks
 * the whole document through graphql-js's validation (about 7 % of a page read's time). A cost
 * depends on nothing else (the schema is the server's own). Only short variables are kept, at
 * most 64 sets per document; a refusal is not kept, it is estimated again each time.
 */
export class CostsWithinLimit {
  private readonly documents = new WeakMap<DocumentNode, Set<string>>();

  has(document: DocumentNode, variables: Variables, operationName: string | null | undefined): boolean {
    const key = keyOf(variables, operationName);
    return key !== undefined && (this.documents.get(document)?.has(key) ?? false);
  }

  keep(document: DocumentNode, variables: Variables, operationName: string | null | undefined): void {
    const key = keyOf(variables, operationName);
    if (key === undefined) return;
    let kept = this.documents.get(document);
    if (!kept) this.documents.set(document, (kept = new Set()));
    if (kept.size >= MOST_PER_DOCUMENT) kept.clear();
    kept.add(key);
  }
}
