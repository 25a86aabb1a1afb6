/**
 * Writes in flight while the next item is being prepared: an export converts clips one after another
 * (CPU) and lets up to `limit` file writes (disk syncs) overlap, instead of waiting on each sync in turn.
 */
export class WriteQueue {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly limit = 8) {}

  /** Starts `task` once fewer than `limit` run; throws the first failure of an earlier task. */
  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    this.check();
    const run: Promise<void> = task()
      .catch((error: unknown) => void (this.failure ??= { error }))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Waits for every task; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.check();
  }

  /** Waits for every task without throwing (on the way out after another error or a cancel). */
  async settle(): Promise<void> {
    await Promise.all(this.running);
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }
}
