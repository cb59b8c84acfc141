import type { DocumentNode } from 'graphql';

/** Longer variables are estimated each time: a key that size is not worth keeping. */
const LONGEST_KEY = 1024;
const MOST_PER_DOCUMENT = 64;

/**
 * The text an operation's cost is kept by, or undefined when it is not to be kept: variables too
 * long, or nested too deep to be written as text at all (they are refused on their own merits).
 */
export const costKeyOf = (variables: Record<string, unknown> | null | undefined, operationName: string | null | undefined) => {
  try {
    const key = JSON.stringify([operationName ?? null, variables ?? {}]);
    return key.length <= LONGEST_KEY ? key : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The variables whose cost each document was found to be within, by their text (costKeyOf): the
 * portal sends the same few operations with the same variables again and again, and estimating a
 * cost walks the whole document through graphql-js's validation (about 7 % of a page read's
 * time). A cost depends on nothing else (the schema is the server's own). At most 64 sets are kept
 * per document; a refusal is not kept, it is estimated again each time.
 */
export class CostsWithinLimit {
  private readonly documents = new WeakMap<DocumentNode, Set<string>>();

  has(document: DocumentNode, key: string | undefined): boolean {
    return key !== undefined && (this.documents.get(document)?.has(key) ?? false);
  }

  keep(document: DocumentNode, key: string | undefined): void {
    if (key === undefined) return;
    let kept = this.documents.get(document);
    if (!kept) this.documents.set(document, (kept = new Set()));
    if (kept.size >= MOST_PER_DOCUMENT) kept.clear();
    kept.add(key);
  }
}
