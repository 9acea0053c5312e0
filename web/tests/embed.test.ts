// web/scripts/embed.mjs: the C++ source that carries the built files into the binary.
import {mkdtempSync, mkdirSync, writeFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
// @ts-expect-error: a plain .mjs script without types
import {contentType, generate} from "../scripts/embed.mjs";

const dir = mkdtempSync(join(tmpdir(), "parley-embed-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("embed.mjs", () => {
  it("embeds every file as decimal bytes in a sorted table", () => {
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<p>é</p>");
    writeFileSync(join(dir, "assets", "a.js"), "x");
    writeFileSync(join(dir, "assets", "empty.css"), "");
    const cpp: string = generate(dir);
    expect(cpp).toContain('{"assets/a.js", "text/javascript; charset=utf-8", kWebFile0, 1}');
    expect(cpp).toContain('{"assets/empty.css", "text/css; charset=utf-8", kWebFile1, 0}');
    expect(cpp).toContain('{"index.html", "text/html; charset=utf-8", kWebFile2, 9}');
    expect(cpp).toContain("kWebFile0[] = {\n120};");
    expect(cpp).toContain("kWebFile1[] = {0};");
    // "<p>é</p>": é is two bytes in UTF-8.
    expect(cpp).toContain("kWebFile2[] = {\n60,112,62,195,169,60,47,112,62};");
    expect(cpp).not.toMatch(/"[^"\n]{200,}"/); // no long string literal
  });

  it("knows the content types and refuses a dist without index.html", () => {
    expect(contentType("a/b.SVG")).toBe("image/svg+xml");
    expect(contentType("x.woff2")).toBe("font/woff2");
    expect(contentType("README")).toBe("application/octet-stream");
    const empty = mkdtempSync(join(tmpdir(), "parley-embed-empty-"));
    expect(() => generate(empty)).toThrow(/no index.html/);
    rmSync(empty, {recursive: true, force: true});
  });
});
