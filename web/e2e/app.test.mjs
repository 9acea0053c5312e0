// End-to-end tests of the web app in a real browser: Debian's chromium, headless, driven by
// playwright-core, against `parley serve` on 127.0.0.1 on a free port (`--port 0`), serving a
// temporary copy of scenarios/. Any console error or uncaught page error fails the test.
//
//   PARLEY_EXE=$PWD/../build/release/parley npm run e2e          (from web/)
//
// Environment: PARLEY_EXE (required: a parley built with the server and PARLEY_WEB), CHROMIUM
// (default /usr/bin/chromium), PARLEY_SERVE_CMD (instead of `PARLEY_EXE serve DIR --port 0`, a
// command that prints the same "… at http://…" line; DIR is appended: e2e/mock-server.mjs for
// front-end work without the server, which answers only the forecast, what-if and edit calls),
// E2E_STRICT_TIMING=1 (assert the 100 ms what-if budget of issue #16, else it is only printed),
// PARLEY_SOURCE_DIR (the checkout whose scenarios/ is served; default ../..), E2E_SCREENSHOT=FILE.png
// (a screenshot of the first page, for docs/).
import {test, before, after} from "node:test";
import assert from "node:assert/strict";
import {spawn} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve, dirname} from "node:path";
import {fileURLToPath} from "node:url";
import {chromium} from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = process.env.PARLEY_SOURCE_DIR ?? resolve(here, "..", "..");
// The mock server answers only some of the API; with PARLEY_API=serve it passes all of it to parley serve.
const mock = Boolean(process.env.PARLEY_SERVE_CMD) && process.env.PARLEY_API !== "serve";
let server;
let browser;
let baseUrl;
let dir;

function startServer() {
  dir = mkdtempSync(join(tmpdir(), "parley-e2e-"));
  cpSync(join(repo, "scenarios"), dir, {recursive: true});
  const [cmd, ...args] = process.env.PARLEY_SERVE_CMD
    ? [...process.env.PARLEY_SERVE_CMD.split(" "), dir]
    : [process.env.PARLEY_EXE, "serve", dir, "--port", "0"];
  if (!cmd) throw new Error("set PARLEY_EXE to a parley built with `serve` (or PARLEY_SERVE_CMD)");
  server = spawn(cmd, args, {stdio: ["ignore", "pipe", "inherit"]});
  return new Promise((done, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`the server printed no URL: ${out}`)), 15000);
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1]);
      }
    });
    server.on("exit", (code) => fail(new Error(`the server exited (${code}): ${out}`)));
  });
}

before(async () => {
  baseUrl = await startServer();
  browser = await chromium.launch({executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"]});
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  if (dir) rmSync(dir, {recursive: true, force: true});
});

/**
 * A fresh page that records every console error and page error; `check(allowed)` fails on any,
 * but for the browser's own "Failed to load resource" report of an error answer from an API path
 * in `allowed` (the 400 a test provokes on purpose).
 */
async function openPage() {
  const page = await browser.newPage({viewport: {width: 1500, height: 1000}});
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push({text: `console: ${m.text()}`, url: m.location().url ?? ""});
  });
  page.on("pageerror", (e) => errors.push({text: `page: ${e.message}`, url: ""}));
  await page.goto(baseUrl);
  await page.locator("#forecast-table tbody tr").first().waitFor();
  const check = (allowed = []) => {
    const unexpected = errors.filter(
      (e) => !(e.text.startsWith("console: Failed to load resource") && allowed.some((path) => new URL(e.url, baseUrl).pathname === path)),
    );
    assert.deepEqual(unexpected.map((e) => `${e.text} (${e.url})`), []);
  };
  return {page, check};
}

test("loads the first scenario with every model's forecast and the ensemble", async () => {
  const {page, check} = await openPage();
  const first = await page.locator("#scenario-select").inputValue();
  if (!mock) assert.equal(first, "us-russia.yaml");
  const rows = await page.locator("#forecast-table tbody tr").count();
  assert.ok(rows > 0);
  const ensemble = await page.locator("#forecast-table tbody td[data-model=ensemble]").first().textContent();
  assert.match(ensemble ?? "", /^\d+\.\d$/);
  assert.ok(await page.locator("#forecast-chart svg").count() > 0, "the chart is drawn");
  if (process.env.E2E_SCREENSHOT) {
    await page.waitForTimeout(300);
    await page.screenshot({path: process.env.E2E_SCREENSHOT, fullPage: false});
  }
  check();
  await page.close();
});

test("moving a salience slider changes the forecast", async () => {
  const {page, check} = await openPage();
  // On the flagship the US president leaves at the election event, so his sliders do not move the
  // final forecast: Russia's president stays throughout.
  const preferred = page.locator('#whatif-panel input[data-target="ru-president.ukraine-terms.salience"]');
  const slider = (await preferred.count()) > 0 ? preferred : page.locator('#whatif-panel input[type=range][data-target$=".salience"]').first();
  const cell = page.locator("#forecast-table tbody tr").first().locator("td[data-model=compromise]");
  const before = await cell.textContent();
  // Salience to its far end: some forecast on the first issue must move.
  const target = await slider.evaluate((el) => (Number(el.value) > 0.5 ? el.min : el.max));
  const ms = await page.evaluate(
    ([selector, value]) =>
      new Promise((done) => {
        const table = document.querySelector("#forecast-table");
        const input = document.querySelector(selector);
        const start = performance.now();
        new MutationObserver((_m, observer) => {
          observer.disconnect();
          done(performance.now() - start);
        }).observe(table, {childList: true, subtree: true, characterData: true});
        input.value = value;
        input.dispatchEvent(new Event("input", {bubbles: true}));
      }),
    [`#whatif-panel input[data-target="${await slider.getAttribute("data-target")}"]`, target],
  );
  await page.waitForFunction(([b]) => document.querySelector("#forecast-table tbody tr td[data-model=compromise]")?.textContent !== b, [before]);
  console.log(`what-if: the table updated ${ms.toFixed(0)} ms after the slider moved`);
  // Clicking a slider's value shows the source it cites.
  await page.locator("#whatif-panel output.slider-value").first().click();
  assert.match((await page.locator("#source-note").textContent()) ?? "", /^[^:]+\.[a-z]+: ./);
  if (process.env.E2E_STRICT_TIMING === "1") assert.ok(ms < 100, `${ms} ms`);
  check();
  await page.close();
});

test("a validation error appears on the field that is wrong", async () => {
  const {page, check} = await openPage();
  await page.locator("#tab-edit").click();
  const field = page.locator('[data-field="scenario.actors[0].capability"]');
  await field.fill("-5");
  await field.press("Tab");
  await page.locator("#editor-validate").click();
  const message = page.locator('[data-field="scenario.actors[0].capability"] + .field-error');
  await message.waitFor();
  assert.match((await message.textContent()) ?? "", /capability/);
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  // The 400s asked for: the check, and the what-if the edit re-ran on the invalid scenario.
  check(["/api/validate", "/api/whatif"]);
  await page.close();
});

test("starts a scenario from the template and saves it as a new file", async () => {
  const {page, check} = await openPage();
  await page.locator("#tab-edit").click();
  await page.locator("#editor-new").click();
  await page.locator('[data-field="scenario.actors[1].name"]').fill("Second actor, renamed");
  await page.locator('[data-field="scenario.actors[1].name"]').press("Tab");
  await page.locator("#editor-save-as-name").fill("from-template.json");
  await page.locator("#editor-save-as").click();
  await page.locator("#status", {hasText: "Opened from-template.json"}).waitFor();
  assert.ok(existsSync(join(dir, "from-template.json")));
  assert.match(readFileSync(join(dir, "from-template.json"), "utf8"), /Second actor, renamed/);
  assert.equal(await page.locator("#scenario-select").inputValue(), "from-template.json");
  check();
  await page.close();
});

test("saves a scenario and reads back the same bytes", {skip: mock}, async () => {
  const {page, check} = await openPage();
  const path = await page.locator("#scenario-select").inputValue();
  await page.locator("#tab-edit").click();
  await page.locator("#editor-save").click();
  await page.locator("#status", {hasText: "Saved"}).waitFor();
  const once = readFileSync(join(dir, path));
  await page.locator("#editor-save").click();
  await page.locator("#status", {hasText: "Saved"}).waitFor();
  assert.deepEqual(readFileSync(join(dir, path)), once, "saving what was read changes nothing more");
  check();
  await page.close();
});

test("edits a value and its source, saves, and the file keeps both", async () => {
  const {page, check} = await openPage();
  const path = await page.locator("#scenario-select").inputValue();
  // A reference the scenario's metadata lists (a citation must name one).
  const ref = await page.evaluate(async (p) => (await (await fetch(`/api/scenarios/${p}`)).json()).scenario.metadata.sources[0].id, path);
  await page.locator("#tab-edit").click();
  await page.locator('[data-field="scenario.actors[0].capability.source"]').fill(`${ref}: edited in the browser test`);
  await page.locator('[data-field="scenario.actors[0].capability.source"]').press("Tab");
  await page.locator('[data-field="scenario.actors[0].capability"]').fill("[41, 59]");
  await page.locator('[data-field="scenario.actors[0].capability"]').press("Tab");
  await page.locator("#editor-save").click();
  await page.locator("#status", {hasText: "Saved"}).waitFor();
  const text = readFileSync(join(dir, path), "utf8");
  assert.match(text, /edited in the browser test/);
  assert.match(text, /41(\.0)?,\s*59/);
  // Read back: the page shows what the file holds.
  await page.reload();
  await page.locator("#forecast-table tbody tr").first().waitFor();
  await page.locator("#tab-edit").click();
  assert.equal(await page.locator('[data-field="scenario.actors[0].capability"]').inputValue(), "[41, 59]");
  assert.equal(await page.locator('[data-field="scenario.actors[0].capability.source"]').inputValue(), `${ref}: edited in the browser test`);
  check();
  await page.close();
});

test("compares the what-if with the scenario as written", {skip: mock}, async () => {
  const {page, check} = await openPage();
  const slider = page.locator('#whatif-panel input[type=range][data-target$=".salience"]').first();
  await slider.fill(await slider.evaluate((el) => (Number(el.value) > 0.5 ? el.min : el.max)));
  await page.locator("#tab-compare").click();
  await page.locator("#compare-draws").fill("100");
  await page.locator("#compare-run").click();
  await page.locator("#compare-result table tbody tr").first().waitFor();
  assert.ok((await page.locator("#compare-result table tbody tr").count()) > 0);
  check();
  await page.close();
});

test("runs a sweep, shows its progress and cancels it", {skip: mock}, async () => {
  const {page, check} = await openPage();
  await page.locator("#tab-sweep").click();
  await page.locator("#sweep-model").selectOption("bdm");
  await page.locator("#sweep-draws").fill("200000");
  await page.locator("#sweep-start").click();
  await page.waitForFunction(() => Number(document.querySelector("#sweep-progress")?.value) > 0);
  await page.locator("#sweep-cancel").click();
  await page.locator("#sweep-progress-text", {hasText: "cancelled"}).waitFor();
  check();
  await page.close();
});
