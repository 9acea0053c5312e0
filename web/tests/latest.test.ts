import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {LatestRunner} from "../src/latest";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {promise, resolve, reject};
}

describe("LatestRunner", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("starts at once when idle, then debounces: only the last of a burst runs after the first", async () => {
    const results: number[] = [];
    const runner = new LatestRunner<number>(50, (v) => results.push(v), () => {});
    const started: number[] = [];
    const slow = deferred<number>();
    runner.schedule(() => {
      started.push(0);
      return slow.promise;
    });
    expect(started).toEqual([0]); // no delay for the first
    for (const n of [1, 2, 3]) {
      runner.schedule(async () => {
        started.push(n);
        return n;
      });
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(started).toEqual([0]);
    await vi.advanceTimersByTimeAsync(60);
    expect(started).toEqual([0, 3]);
    slow.resolve(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual([3]);
  });

  it("aborts the request in flight when a newer one starts, and drops its result", async () => {
    const results: string[] = [];
    const errors: unknown[] = [];
    const runner = new LatestRunner<string>(0, (v) => results.push(v), (e) => errors.push(e));
    const first = deferred<string>();
    let firstSignal: AbortSignal | null = null;
    void runner.now((signal) => {
      firstSignal = signal;
      return first.promise;
    });
    const second = runner.now(async () => "second");
    expect(firstSignal!.aborted).toBe(true);
    await second;
    first.resolve("first (stale)");
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual(["second"]);
    expect(errors).toEqual([]);
  });

  it("reports the newest request's error but not an aborted one's", async () => {
    const errors: unknown[] = [];
    const runner = new LatestRunner<number>(0, () => {}, (e) => errors.push(e));
    const stale = deferred<number>();
    void runner.now(() => stale.promise);
    await runner.now(async () => {
      throw new Error("bad value");
    });
    stale.reject(new Error("aborted"));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors.map((e) => (e as Error).message)).toEqual(["bad value"]);
  });

  it("cancel drops what is scheduled and aborts what runs", async () => {
    const results: number[] = [];
    const runner = new LatestRunner<number>(20, (v) => results.push(v), () => {});
    let signal: AbortSignal | null = null;
    const pending = deferred<number>();
    void runner.now((s) => {
      signal = s;
      return pending.promise;
    });
    runner.schedule(async () => 2);
    runner.cancel();
    expect(signal!.aborted).toBe(true);
    pending.resolve(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(results).toEqual([]);
  });
});
