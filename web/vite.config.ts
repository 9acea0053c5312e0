// The production build served by `parley serve` (embedded into the binary, cmake/ParleyWeb.cmake).
// The page runs under Content-Security-Policy `default-src 'self'`: no inline scripts or styles, no
// data: URLs (assetsInlineLimit 0), no module-preload polyfill injected inline, nothing fetched
// from elsewhere. tests/build_output.test.ts checks the built index.html for this.
import {defineConfig} from "vitest/config";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: {polyfill: false},
    sourcemap: false,
    target: "es2022",
    chunkSizeWarningLimit: 1000,
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // One worker thread, no per-file isolation: the tests are pure and share nothing, and this
    // takes a third of the time of the default on a loaded machine (CTest Web.UnitTests).
    pool: "threads",
    isolate: false,
    fileParallelism: false,
  },
});
