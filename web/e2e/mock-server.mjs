// A stand-in for `parley serve` while developing the front-end without the server: serves a built
// dist/ under the strictest CSP (`default-src 'self'`) and answers the API calls the first tabs
// make (docs/web.md) by running the parley CLI (PARLEY_EXE) on the JSON scenarios of DIR.
// Sweeps, sensitivity and feasibility are not mocked (404). Prints the URL as `parley serve` does.
//   PARLEY_EXE=build/release/parley node e2e/mock-server.mjs DIST DIR
// With PARLEY_API=http://127.0.0.1:PORT it mocks nothing and passes every /api/ request on to that
// server, Server-Sent Events included; with PARLEY_API=serve it starts `PARLEY_EXE serve DIR
// --port 0` itself and passes the API on to it (a server whose binary embeds another front-end).
// For development only: it binds 127.0.0.1 on a free port and writes only into its own temporary folder.
import {createServer, request as httpRequest} from "node:http";
import {execFile, spawn} from "node:child_process";
import {mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, extname, resolve, sep} from "node:path";

const [dist, dir] = process.argv.slice(2).map((p) => resolve(p));
const exe = process.env.PARLEY_EXE;
let upstream = process.env.PARLEY_API && process.env.PARLEY_API !== "serve" ? new URL(process.env.PARLEY_API) : null;
if (!dist || !dir || (!exe && !upstream)) {
  console.error("usage: PARLEY_EXE=… node mock-server.mjs DIST DIR");
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "parley-mock-"));
const TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"};
const MODELS = ["compromise", "median", "nbs", "bdm"];
let counter = 0;

function parley(args) {
  return new Promise((done) => execFile(exe, args, {maxBuffer: 64 << 20}, (error, stdout, stderr) => done({code: error ? error.code ?? 1 : 0, stdout, stderr})));
}

function errorBody(status, stderr) {
  const message = stderr.trim().replace(/^parley: /, "").split("\n")[0];
  const m = /^(.*?):(\d+):(\d+): error: field '([^']+)': (.*)$/.exec(message);
  const body = {status, message};
  if (m) Object.assign(body, {file: "scenario", line: Number(m[2]), column: Number(m[3]), field: `scenario.${m[4]}`});
  return {error: body};
}

function inside(path) {
  const full = resolve(dir, path);
  if (!full.startsWith(dir + sep) || !full.endsWith(".json")) throw Object.assign(new Error("path outside DIR"), {status: 403});
  return full;
}

/** The request's scenario as a file the CLI reads. */
function scenarioFile(body) {
  if (body.path) return inside(body.path);
  const file = join(work, `s${++counter}.json`);
  writeFileSync(file, JSON.stringify(body.scenario));
  return file;
}

const sets = (body) => (body.set ?? []).flatMap((s) => ["--set", s]);

function skill() {
  const here = new URL(".", import.meta.url).pathname;
  const csvPath = resolve(process.env.PARLEY_SKILL_CSV ?? join(here, "..", "..", "data", "skill", "deu3-dev.csv"));
  if (!existsSync(csvPath)) return {models: []};
  const lines = readFileSync(csvPath, "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  const header = lines[0].split(",");
  return {models: lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [header[i], i === 0 ? v : Number(v)])))};
}

async function api(method, path, body) {
  if (method === "GET" && path === "/api/models") return [200, {models: MODELS.map((name) => ({name}))}];
  if (method === "GET" && path === "/api/skill") return [200, skill()];
  if (method === "GET" && path === "/api/scenarios") {
    const files = readdirSync(dir, {recursive: true}).filter((f) => f.endsWith(".json")).sort();
    return [200, {open: null, scenarios: files.map((f) => ({path: f, title: JSON.parse(readFileSync(join(dir, f), "utf8")).metadata.title, format: "json"}))}];
  }
  const scenarioPath = /^\/api\/scenarios\/(.+)$/.exec(path);
  if (scenarioPath && method === "GET") {
    const text = readFileSync(inside(decodeURIComponent(scenarioPath[1])), "utf8");
    return [200, {path: decodeURIComponent(scenarioPath[1]), format: "json", text, scenario: JSON.parse(text)}];
  }
  if (scenarioPath && method === "PUT") {
    const file = scenarioFile({scenario: body.scenario});
    const r = await parley(["validate", file]);
    if (r.code !== 0) return [400, errorBody(400, r.stderr)];
    writeFileSync(inside(decodeURIComponent(scenarioPath[1])), JSON.stringify(body.scenario, null, 2) + "\n");
    return [200, {path: decodeURIComponent(scenarioPath[1]), format: "json"}];
  }
  if (method === "POST" && path === "/api/validate") {
    const r = await parley(["validate", scenarioFile(body), ...sets(body)]);
    return r.code === 0 ? [200, {schema: "parley.validate/1", valid: true}] : [400, errorBody(400, r.stderr)];
  }
  if (method === "POST" && (path === "/api/whatif" || path === "/api/run")) {
    const file = scenarioFile(body);
    const models = path === "/api/run" ? [body.model ?? "compromise"] : body.models ?? MODELS;
    const forecasts = {};
    for (const model of models) {
      const r = await parley(["run", file, "-m", model, "-f", "json", ...sets(body)]);
      if (r.code !== 0) return [400, errorBody(400, r.stderr)];
      forecasts[model] = JSON.parse(r.stdout);
    }
    return [200, path === "/api/run" ? forecasts[models[0]] : {schema: "parley.whatif/1", forecasts, errors: {}}];
  }
  return [404, {error: {status: 404, message: `no route ${method} ${path} in the mock server`}}];
}

function proxy(req, res) {
  const headers = {...req.headers, host: upstream.host};
  const out = httpRequest({host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers}, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  out.on("error", (e) => {
    res.writeHead(502, {"Content-Type": "application/json"});
    res.end(JSON.stringify({error: {status: 502, message: String(e.message)}}));
  });
  req.pipe(out);
}

const server = createServer((req, res) => {
  if (upstream && req.url.startsWith("/api/")) {
    proxy(req, res);
    return;
  }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    const url = new URL(req.url, "http://127.0.0.1");
    res.setHeader("Content-Security-Policy", "default-src 'self'");
    try {
      if (url.pathname.startsWith("/api/")) {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {};
        const [status, doc] = await api(req.method, url.pathname, body);
        res.writeHead(status, {"Content-Type": "application/json; charset=utf-8"});
        res.end(JSON.stringify(doc));
        return;
      }
      const rel = url.pathname === "/" ? "index.html" : url.pathname.slice(1);
      const full = resolve(dist, rel);
      if (!full.startsWith(dist + sep) || !existsSync(full)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {"Content-Type": TYPES[extname(full)] ?? "application/octet-stream"});
      res.end(readFileSync(full));
    } catch (error) {
      const status = error.status ?? 500;
      res.writeHead(status, {"Content-Type": "application/json; charset=utf-8"});
      res.end(JSON.stringify({error: {status, message: String(error.message ?? error)}}));
    }
  });
});
let child = null;
if (process.env.PARLEY_API === "serve") {
  child = spawn(exe, ["serve", dir, "--port", "0"], {stdio: ["ignore", "pipe", "inherit"]});
  let out = "";
  upstream = await new Promise((done, fail) => {
    child.stdout.on("data", (c) => {
      out += c;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) done(new URL(m[1]));
    });
    child.on("exit", (code) => fail(new Error(`parley serve exited (${code}): ${out}`)));
  });
}
server.listen(0, "127.0.0.1", () => console.log(`parley: serving ${dir} at http://127.0.0.1:${server.address().port}/   (Ctrl-C stops)`));
const stop = () => {
  server.close();
  rmSync(work, {recursive: true, force: true});
  if (!child || child.exitCode !== null) process.exit(0);
  child.stdout.resume(); // let it print its last line
  child.on("exit", () => process.exit(0));
  child.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
