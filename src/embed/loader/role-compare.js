// role-compare: registers <role-compare>,
// and exports `ready`, a promise of that.
//
// The entry of dist/role-compare.js, bundled by esbuild (xtask/src/dist/js.rs),
// which defines ROLE_COMPARE_GLUE and ROLE_COMPARE_WASM as the names of the
// hashed glue and wasm of the element build beside it. URLs are relative to the
// module, so any sub-path works. The glue is imported dynamically, so that a
// failure to fetch it is caught like one of the wasm (a static import would
// fail before any of this runs), and so that nothing is fetched while every
// element waits lazily. Both are named by literal relative URLs, so bundlers
// that follow `import("./…")` and `new URL("./…", import.meta.url)` (Vite,
// webpack) bundle the glue and emit the wasm as an asset.
//
// `ready` resolves when <role-compare> is defined and the wasm has started
// (the widgets' first renders follow, asynchronously); it rejects with an Error whose message is the one
// `role-compare:` console.error a failure to start logged (nothing is thrown
// otherwise, and a rejection nobody awaits is not reported a second time).
// Under loading="lazy" it waits for that first start. Outside a document (Node,
// a server render, a web worker) the module touches no DOM global, starts
// nothing, and `ready` never settles.

import { roleCompareFailed } from "./failures.js";
import { afterPaint, start } from "./start.js";

let settle;
export const ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
ready.catch(() => {});

const inDocument = typeof document === "object" && document !== null && typeof customElements === "object";
// A bundle in esbuild's default format (iife, a classic script) has an empty
// import.meta: the wasm is then looked for beside the script that runs it,
// whose URL can only be read now, while it runs.
const script = inDocument && typeof import.meta.url !== "string" ? document.currentScript?.src : undefined;

const begin = (after) => {
  let glueUrl, wasmUrl;
  if (typeof import.meta.url === "string") {
    // (Named for messages only: a literal new URL(…, import.meta.url) would make
    // bundlers emit a second, raw copy of the glue.)
    glueUrl = new URL(ROLE_COMPARE_GLUE, import.meta.url.toString());
    wasmUrl = new URL("./" + ROLE_COMPARE_WASM, import.meta.url);
  } else if (script) {
    glueUrl = new URL(ROLE_COMPARE_GLUE, script);
    wasmUrl = new URL(ROLE_COMPARE_WASM, script);
  } else {
    const why = "role-compare.js was bundled into a script that is neither an ES module (import.meta.url is empty) nor a classic script loaded by a <script src> tag, so it cannot tell where its wasm is. Fix: bundle it as an ES module (esbuild: --format=esm) loaded by a module script, with role-compare-*_bg.wasm copied beside the bundle (README: \"esbuild\").";
    settle.reject(new Error(roleCompareFailed({ why })));
    return;
  }
  const loadGlue = () => import("./" + ROLE_COMPARE_GLUE);
  start(after, { glueUrl, wasmUrl, loadGlue }).then(settle.resolve, settle.reject);
};

if (inDocument) {
  // loading="lazy" on every <role-compare> of a page that is not the widget's
  // own: nothing is fetched until one comes within about a viewport of being
  // seen; then one fetch starts them all.
  const elements = [...document.querySelectorAll(ROLE_COMPARE_TAG)];
  if (elements.length && !document.querySelector("[data-role-compare-page]") && elements.every((e) => e.getAttribute("loading") === "lazy")) {
    const near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      begin(null);
    }, { rootMargin: "100% 0px" });
    for (const e of elements) near.observe(e);
  } else {
    begin(afterPaint());
  }
}
