// The client of parley's HTTP API (docs/web.md). Every call goes through Api.request, which sends
// JSON, adds the access token when the page was opened with one (?token=T: `parley serve --host`),
// and turns an error answer into an ApiError carrying parley's message and, when known, the file,
// line, column and request field that is wrong.

/** The error document every 4xx/5xx answer carries: `{"error": {...}}`. */
export interface ApiErrorBody {
  status: number;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  problem?: string;
  expected?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = body.status;
    this.body = body;
  }
}

/** True for the rejection of a request that was cancelled with its AbortSignal. */
export function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as {name?: string}).name === "AbortError";
}

/** Reads an error answer's body: parley's `{"error": {...}}`, or the text the server sent. */
export function parseErrorBody(status: number, text: string): ApiErrorBody {
  try {
    const doc = JSON.parse(text) as {error?: Partial<ApiErrorBody>};
    if (doc && typeof doc.error === "object" && doc.error !== null && typeof doc.error.message === "string") {
      return {...doc.error, status: typeof doc.error.status === "number" ? doc.error.status : status, message: doc.error.message};
    }
  } catch {
    // not JSON: fall through
  }
  const trimmed = text.trim();
  return {status, message: trimmed !== "" ? trimmed : `HTTP ${status}`};
}

/** "a/b c.yaml" → "a/b%20c.yaml": each path segment encoded, the slashes kept. */
export function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** The input of every analysis: a scenario document, or a file in the server's folder. */
export type ScenarioInput = {scenario: unknown; path?: undefined} | {path: string; scenario?: undefined};

export interface ScenarioEntry {
  path: string;
  title?: string;
  format?: string;
  /** parley's message for a file that does not read. */
  error?: string;
}

export interface ScenarioFile {
  path: string;
  format: string;
  text?: string;
  scenario: unknown;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class Api {
  constructor(
    private readonly base = "",
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
    private readonly token: string | null = null,
  ) {}

  /** The URL of an API path with the token as a query parameter (EventSource, download links). */
  url(path: string, query: Record<string, string> = {}): string {
    const params = new URLSearchParams(query);
    if (this.token) params.set("token", this.token);
    const q = params.toString();
    return `${this.base}${path}${q ? `?${q}` : ""}`;
  }

  async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const text = await this.requestText(method, path, body, signal);
    return (text === "" ? null : JSON.parse(text)) as T;
  }

  async requestText(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<string> {
    const headers: Record<string, string> = {Accept: "application/json"};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (this.token) headers["Authorization"] = `Bearer ${this.token}`;
    const response = await this.fetchImpl(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const text = await response.text();
    if (!response.ok) throw new ApiError(parseErrorBody(response.status, text));
    return text;
  }

  models(): Promise<unknown> {
    return this.request("GET", "/api/models");
  }
  scenarios(): Promise<{open?: string | null; scenarios: ScenarioEntry[]}> {
    return this.request("GET", "/api/scenarios");
  }
  scenario(path: string): Promise<ScenarioFile> {
    return this.request("GET", `/api/scenarios/${encodePath(path)}`);
  }
  saveScenario(path: string, scenario: unknown, format: string): Promise<unknown> {
    return this.request("PUT", `/api/scenarios/${encodePath(path)}`, {scenario, format});
  }
  validate(scenario: unknown, signal?: AbortSignal): Promise<unknown> {
    return this.request("POST", "/api/validate", {scenario}, signal);
  }
  run(input: ScenarioInput, model: string, extra: Record<string, unknown> = {}, signal?: AbortSignal): Promise<unknown> {
    return this.request("POST", "/api/run", {...input, model, ...extra}, signal);
  }
  whatif(input: ScenarioInput, set: string[], models: string[], signal?: AbortSignal): Promise<WhatIfResponse> {
    return this.request("POST", "/api/whatif", {...input, set, models}, signal);
  }
  sensitivity(input: ScenarioInput, extra: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    return this.request("POST", "/api/sensitivity", {...input, ...extra}, signal);
  }
  feasibility(input: ScenarioInput, extra: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    return this.request("POST", "/api/feasibility", {...input, ...extra}, signal);
  }
  /** `parley compare`: scenario `a` against `b` (each a scenario input with its own `set`). */
  compare(a: ScenarioInput & {set?: string[]}, b: ScenarioInput & {set?: string[]}, extra: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    return this.request("POST", "/api/compare", {a, b, ...extra}, signal);
  }
  skill(): Promise<unknown> {
    return this.request("GET", "/api/skill");
  }
  startSweep(input: ScenarioInput, options: {model: string; draws: number; seed?: number; threads?: number}): Promise<{job: string | number; run?: number}> {
    return this.request("POST", "/api/sweeps", {...input, ...options});
  }
  job(id: string | number): Promise<JobStatus> {
    return this.request("GET", `/api/jobs/${encodeURIComponent(String(id))}`);
  }
  cancelJob(id: string | number): Promise<unknown> {
    return this.request("DELETE", `/api/jobs/${encodeURIComponent(String(id))}`);
  }
  jobEventsUrl(id: string | number): string {
    return this.url(`/api/jobs/${encodeURIComponent(String(id))}/events`);
  }
  /** The HTML report (`parley report`) as text. */
  report(input: ScenarioInput, extra: Record<string, unknown> = {}): Promise<string> {
    return this.requestText("POST", "/api/report", {...input, ...extra});
  }
  runs(): Promise<unknown> {
    return this.request("GET", "/api/runs");
  }
  storedRun(n: number): Promise<unknown> {
    return this.request("GET", `/api/runs/${n}`);
  }
}

export interface JobStatus {
  status: string;
  done?: number;
  total?: number;
  run?: number;
  error?: ApiErrorBody;
  [key: string]: unknown;
}

export interface WhatIfResponse {
  forecasts: Record<string, ForecastDoc>;
  /** A model that failed on this scenario, with its error, instead of a forecast. */
  errors?: Record<string, ApiErrorBody>;
  ensemble?: unknown;
  [key: string]: unknown;
}

/** The parts of a `parley.forecast/1` document (docs/json-output.md) the page reads. */
export interface ForecastDoc {
  schema?: string;
  model: string;
  actors?: string[];
  issues: ForecastIssue[];
  [key: string]: unknown;
}

export interface ForecastIssue {
  id: string;
  label?: string;
  scale?: {min: number; max: number};
  status_quo?: number | null;
  outcome: number | null;
  predictive?: {level: number; low: number; high: number}[] | null;
  note?: string;
}

/** The token the page was opened with (`?token=T`), or null. */
export function tokenFromLocation(search: string): string | null {
  const token = new URLSearchParams(search).get("token");
  return token !== null && token !== "" ? token : null;
}
