import {describe, expect, it} from "vitest";
import {Api, ApiError, encodePath, isAbort, parseErrorBody, tokenFromLocation} from "../src/api";

interface Call {
  url: string;
  init?: RequestInit;
}

function fakeFetch(status: number, body: string, calls: Call[]) {
  return async (url: string, init?: RequestInit) => {
    calls.push({url, init});
    return new Response(body, {status});
  };
}

describe("Api", () => {
  it("sends JSON and reads JSON", async () => {
    const calls: Call[] = [];
    const api = new Api("", fakeFetch(200, '{"forecasts": {}}', calls));
    const r = await api.whatif({path: "us-russia.yaml"}, ["us.sanctions.position=30"], ["compromise"]);
    expect(r).toEqual({forecasts: {}});
    expect(calls[0].url).toBe("/api/whatif");
    expect(calls[0].init?.method).toBe("POST");
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({path: "us-russia.yaml", set: ["us.sanctions.position=30"], models: ["compromise"]});
    expect((calls[0].init?.headers as Record<string, string>)["Content-Type"]).toBe("application/json");
    expect((calls[0].init?.headers as Record<string, string>)["Authorization"]).toBeUndefined();
  });

  it("turns parley's error document into an ApiError with the field", async () => {
    const body = JSON.stringify({error: {status: 400, message: "request:3:5: capability must be > 0", field: "scenario.actors[2].capability", line: 3}});
    const api = new Api("", fakeFetch(400, body, []));
    const error = await api.validate({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe("request:3:5: capability must be > 0");
    expect((error as ApiError).body.field).toBe("scenario.actors[2].capability");
    expect((error as ApiError).body.line).toBe(3);
  });

  it("keeps a non-JSON error's text", () => {
    expect(parseErrorBody(413, "Payload Too Large")).toEqual({status: 413, message: "Payload Too Large"});
    expect(parseErrorBody(500, "")).toEqual({status: 500, message: "HTTP 500"});
    expect(parseErrorBody(404, '{"error": "x"}')).toEqual({status: 404, message: '{"error": "x"}'});
  });

  it("encodes each segment of a scenario path", async () => {
    expect(encodePath("examples/arms control.yaml")).toBe("examples/arms%20control.yaml");
    expect(encodePath("a/../b")).toBe("a/../b");
    expect(encodePath("%2e%2e")).toBe("%252e%252e");
    const calls: Call[] = [];
    await new Api("", fakeFetch(200, "{}", calls)).saveScenario("examples/a b.json", {x: 1}, "json");
    expect(calls[0].url).toBe("/api/scenarios/examples/a%20b.json");
    expect(calls[0].init?.method).toBe("PUT");
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({scenario: {x: 1}, format: "json"});
  });

  it("sends the token as a bearer header and in URLs", async () => {
    const calls: Call[] = [];
    const api = new Api("", fakeFetch(200, "{}", calls), "s3cret");
    await api.models();
    expect((calls[0].init?.headers as Record<string, string>)["Authorization"]).toBe("Bearer s3cret");
    expect(api.jobEventsUrl(7)).toBe("/api/jobs/7/events?token=s3cret");
    expect(new Api().jobEventsUrl("a/b")).toBe("/api/jobs/a%2Fb/events");
    expect(tokenFromLocation("?token=abc&x=1")).toBe("abc");
    expect(tokenFromLocation("?token=")).toBeNull();
    expect(tokenFromLocation("")).toBeNull();
  });

  it("passes the abort signal on and recognises an abort", async () => {
    const controller = new AbortController();
    const api = new Api("", async (_url, init) => {
      expect(init?.signal).toBe(controller.signal);
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    });
    const pending = api.whatif({path: "x"}, [], [], controller.signal);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isAbort(error)).toBe(true);
    expect(isAbort(new Error("x"))).toBe(false);
  });
});

describe("orderScenarios", async () => {
  const {orderScenarios} = await import("../src/app");
  const list = [{path: "a.yaml"}, {path: "examples/x.json"}, {path: "us-russia.yaml"}];
  it("puts the flagship first", () => {
    expect(orderScenarios(list).map((s) => s.path)).toEqual(["us-russia.yaml", "a.yaml", "examples/x.json"]);
  });
  it("puts the file parley serve opened first", () => {
    expect(orderScenarios(list, "examples/x.json").map((s) => s.path)).toEqual(["examples/x.json", "a.yaml", "us-russia.yaml"]);
  });
});
