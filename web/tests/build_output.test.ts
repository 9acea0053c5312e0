// The production build (dist/, when it exists: `npm run build` or the CMake build) must run under
// Content-Security-Policy `default-src 'self'`: no inline script or style, no data: or remote URL,
// no eval.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";

const dist = join(__dirname, "..", "dist");
const built = existsSync(join(dist, "index.html"));

describe.skipIf(!built)("the built page", () => {
  const index = built ? readFileSync(join(dist, "index.html"), "utf8") : "";
  const assets = built ? readdirSync(join(dist, "assets")) : [];

  it("has no inline script or style", () => {
    for (const m of index.matchAll(/<script\b[^>]*>/g)) expect(m[0]).toMatch(/\bsrc="\/assets\//);
    expect(index).not.toMatch(/<style\b/);
    expect(index).not.toMatch(/\sstyle=/);
    expect(index).not.toMatch(/\son[a-z]+=/);
  });

  it("loads nothing from elsewhere", () => {
    expect(index).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const name of assets.filter((n) => n.endsWith(".css"))) {
      const css = readFileSync(join(dist, "assets", name), "utf8");
      expect(css).not.toMatch(/url\(|@import/);
    }
  });

  it("uses no eval", () => {
    for (const name of assets.filter((n) => n.endsWith(".js"))) {
      const js = readFileSync(join(dist, "assets", name), "utf8");
      expect(js).not.toMatch(/\bnew Function\(|\beval\(/);
    }
  });
});
