/** Work asked for once per page under a key (PageRows.atPageEnd): the first asking's task runs. */
export class PageEndTasks {
  private readonly tasks = new Map<string, () => Promise<void>>();

  add(key: string, task: () => Promise<void>): void {
    if (!this.tasks.has(key)) this.tasks.set(key, task);
  }

  /** Runs each task once, in the order first asked for; a task may ask for more, which run too. */
  async run(): Promise<void> {
    for (const [key, task] of this.tasks) {
      this.tasks.delete(key);
      await task();
    }
  }
}
