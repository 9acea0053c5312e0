// Reading a sweep job's progress from its Server-Sent Events (GET /api/jobs/<id>/events) and its
// status (GET /api/jobs/<id>): `{"status", "done", "total"}`. Pure.

export interface Progress {
  status: string;
  done: number;
  total: number;
  run?: number;
  message?: string;
}

const FINISHED = new Set(["done", "finished", "completed", "complete", "cancelled", "canceled", "failed", "error"]);

export function isFinished(status: string): boolean {
  return FINISHED.has(status);
}

/** One event's data (JSON) as progress; null when it is not readable. */
export function parseProgress(data: string): Progress | null {
  let doc: unknown;
  try {
    doc = JSON.parse(data);
  } catch {
    return null;
  }
  if (!doc || typeof doc !== "object") return null;
  const d = doc as Record<string, unknown>;
  const done = typeof d.done === "number" ? d.done : 0;
  const total = typeof d.total === "number" ? d.total : 0;
  const status = typeof d.status === "string" ? d.status : "running";
  const error = d.error && typeof d.error === "object" ? (d.error as {message?: unknown}).message : d.error;
  return {
    status,
    done,
    total,
    run: typeof d.run === "number" ? d.run : undefined,
    message: typeof error === "string" ? error : typeof d.message === "string" ? d.message : undefined,
  };
}

/** "1,234 of 5,000 draws (24.7 %)". */
export function progressText(p: Progress): string {
  const share = p.total > 0 ? ` (${((100 * p.done) / p.total).toFixed(1)} %)` : "";
  return `${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")} draws${share} — ${p.status}`;
}
