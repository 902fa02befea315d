/**
 * Shares one run of a piece of work among callers that ask for the same key while it is in flight, as
 * Hive Gateway and Apollo Router deduplicate identical subgraph fetches. Nothing is kept after the run
 * settles: this is not a cache.
 */
export class InFlight<T> {
  private readonly runs = new Map<string, { promise: Promise<T>; waiting: number }>();

  /**
   * Runs `work`, or joins the run in flight for `key`. Every caller but the last to resume gets
   * `copy(value)`, so that callers that change what they get (the gateway merges subgraph answers into
   * them) never see each other's changes; a caller alone gets the value itself.
   */
  async run(key: string, work: () => Promise<T>, copy: (value: T) => T): Promise<{ value: T; shared: boolean }> {
    let entry = this.runs.get(key);
    const shared = entry !== undefined;
    if (!entry) {
      const created = { promise: work().finally(() => this.runs.delete(key)), waiting: 0 };
      this.runs.set(key, created);
      entry = created;
    }
    entry.waiting++;
    const value = await entry.promise.catch((e: unknown) => {
      entry.waiting--;
      throw e;
    });
    return { value: --entry.waiting > 0 ? copy(value) : value, shared };
  }
}
