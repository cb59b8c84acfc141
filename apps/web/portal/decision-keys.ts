/**
 * The idempotency keys of the decisions a person sends from the page, by what they decide (the
 * item, the choice, the note): the same decision sent again after its answer was lost (the
 * network, the service restarting) goes with the same key, and the API answers the first result
 * instead of refusing it as decided already; another note or the other choice is another decision,
 * with a key of its own. A key is let go once its decision was answered.
 */
export class DecisionKeys {
  private readonly keys = new Map<string, string>();

  keyOf(decision: string): string {
    let key = this.keys.get(decision);
    if (key === undefined) {
      key = newKey();
      this.keys.set(decision, key);
    }
    return key;
  }

  answered(decision: string): void {
    this.keys.delete(decision);
  }
}

/** getRandomValues, not randomUUID: the page may be served over plain HTTP on a LAN, where randomUUID is missing. */
const newKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
