/** The pause between the dispatcher's passes, cut short by wake(): a stop, or an attempt that ended and freed a slot. */
export class PassPause {
  private wakeUp: (() => void) | undefined;

  wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.ended(resolve), ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.ended(resolve);
      };
    });
  }

  /** Ends the pause under way, if any; a pass under way is not cut short. */
  wake(): void {
    this.wakeUp?.();
  }

  private ended(resolve: () => void): void {
    this.wakeUp = undefined;
    resolve();
  }
}
