// Runs only the newest of a stream of requests (the what-if sliders). When nothing is scheduled or
// running, a request starts at once (the first move of a slider answers without delay); otherwise
// it waits `delayMs` for the next one (debounce), then starts. Starting a newer one aborts the
// older one still in flight (AbortController), and a result that arrives after a newer request
// was made is dropped, so the page never shows a stale forecast.

export type Task<T> = (signal: AbortSignal) => Promise<T>;

export class LatestRunner<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private controller: AbortController | null = null;
  private generation = 0;

  constructor(
    private readonly delayMs: number,
    private readonly onResult: (value: T) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Schedules `task`, replacing any scheduled or running one; starts it at once when idle. */
  schedule(task: Task<T>): void {
    if (this.timer === null && this.controller === null) {
      void this.now(task);
      return;
    }
    const generation = ++this.generation;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start(task, generation);
    }, this.delayMs);
  }

  /** Runs `task` now (no debounce), replacing any scheduled or running one. */
  now(task: Task<T>): Promise<void> {
    const generation = ++this.generation;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    return this.start(task, generation);
  }

  /** Drops whatever is scheduled or running. */
  cancel(): void {
    this.generation++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.controller?.abort();
    this.controller = null;
  }

  private async start(task: Task<T>, generation: number): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const value = await task(controller.signal);
      if (generation === this.generation) this.onResult(value);
    } catch (error) {
      if (generation === this.generation && !controller.signal.aborted) this.onError(error);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }
}
