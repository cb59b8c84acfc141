/** Why something failed, in words, whatever was thrown. */
export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A warning given once while something keeps failing (the database down, say), and again only
 * after it has succeeded in between: one line per outage, not one per try.
 */
export class WarnedOnce {
  private failing = false;

  constructor(private readonly warn: (message: string) => void) {}

  failed(message: string): void {
    if (!this.failing) this.warn(message);
    this.failing = true;
  }

  /** True when it was failing until now. */
  succeeded(): boolean {
    const was = this.failing;
    this.failing = false;
    return was;
  }
}
