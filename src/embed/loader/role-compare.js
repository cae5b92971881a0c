// role-compare: registers <role-compare> (and fills the widget's own page).
// A failure to start is caught and said in one console.error; nothing is thrown.
//
// The entry of dist/role-compare.js, bundled by esbuild (xtask/src/dist/js.rs),
// which defines ROLE_COMPARE_GLUE and ROLE_COMPARE_WASM as the names of the
// hashed glue and wasm of the full build beside it. URLs are relative to the
// module, so any sub-path works. The glue is imported dynamically, so that a
// failure to fetch it is caught like one of the wasm (a static import would
// fail before any of this runs), and so that nothing is fetched while every
// element waits lazily. Both are named by literal relative URLs, so bundlers
// that follow `import("./…")` and `new URL("./…", import.meta.url)` (Vite,
// webpack) bundle the glue and emit the wasm as an asset.

import { afterPaint, start } from "./start.js";

// (Named for messages only: a literal new URL(…, import.meta.url) would make
// bundlers emit a second, raw copy of the glue.)
const glueUrl = new URL(ROLE_COMPARE_GLUE, import.meta.url.toString());
const wasmUrl = new URL("./" + ROLE_COMPARE_WASM, import.meta.url);
const loadGlue = () => import("./" + ROLE_COMPARE_GLUE);
const files = { glueUrl, wasmUrl, loadGlue };
// loading="lazy" on every <role-compare> of a page that is not the widget's
// own: nothing is fetched until one comes within about a viewport of being
// seen; then one fetch starts them all.
const elements = [...document.querySelectorAll("role-compare")];
if (elements.length && !document.querySelector("[data-role-compare-page]") && elements.every((e) => e.getAttribute("loading") === "lazy")) {
  const near = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    near.disconnect();
    start(null, files);
  }, { rootMargin: "100% 0px" });
  for (const e of elements) near.observe(e);
} else {
  start(afterPaint(), files);
}
