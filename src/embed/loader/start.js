// role-compare: starts the wasm, shared by both loaders.
//
// `start(ready, { glueUrl, wasmUrl, loadGlue })` fetches the glue
// (`loadGlue()`, named `glueUrl` in messages) and the wasm (`wasmUrl`) at
// once, and starts them when the promise `ready` settles; `afterPaint()`
// settles after the page's content has painted (or 100 ms at most). No
// top-level `await`: the module's evaluation would hold DOMContentLoaded, and
// with it Chrome's first paint, until the wasm had started (the warm-browser
// first paint read 1.26–1.9 × the static copy).
//
// `start` resolves once the wasm has started, a task later (Yew renders in
// microtasks, yielding to tasks when a render runs long, so the widgets have
// most often rendered by then, not always), or rejects with an
// Error whose message is the one `role-compare:` error it logged (a failure
// to start, or the tag taken by another script, which the wasm logged itself
// and the glue's `startFailure()` returns). Callers handle the rejection: the
// console has said it once.

import { roleCompareBlocked, roleCompareFailed } from "./failures.js";

// When `url`, on another origin than the page (a CDN, a bucket; a sandboxed
// frame's own origin is opaque, so every URL is another), failed to load:
// whether its server answers (a no-cors request, which needs no header, goes
// through) while a CORS request, as a module script and a wasm fetch are,
// fails. Then the missing header is why, and the error says which. The
// document's origin is `self.origin` ("null" in a sandboxed frame), not
// `location.origin`, which is the URL's even there.
const corsMissing = async (url) => {
  if (new URL(url).origin === self.origin) return null;
  try { await fetch(url, { cache: "no-store" }); return null; } catch {}
  try { await fetch(url, { mode: "no-cors", cache: "no-store" }); } catch { return null; }
  const origin = self.origin === "null" ? "" : ` (or: ${self.origin})`;
  return { why: `${url} is on another origin than this page and was sent without an Access-Control-Allow-Origin header, which a module script or a wasm from another origin needs. Fix: send Access-Control-Allow-Origin: *${origin} with every file of the widget's folder (role-compare.js, page-loader-*.js, the role-compare-*.js and page-*.js glue, snippets/ and the *_bg.wasm files).` };
};

export const start = async (ready, { glueUrl, wasmUrl, loadGlue }) => {
  try {
    const blocked = roleCompareBlocked();
    if (blocked) throw blocked;
    // Each handled, so no rejection goes unhandled meanwhile.
    const glue = loadGlue().catch(async (e) => {
      throw (await corsMissing(glueUrl)) ?? { why: `could not load ${glueUrl} (${e}). Fix: serve every file of dist/ from one folder, as it is built.` };
    });
    const wasm = fetch(wasmUrl).then((response) => {
      if (response.ok) return response;
      const what = response.status === 404 ? "was not found" : "could not be loaded";
      throw { why: `${wasmUrl} ${what}: HTTP ${response.status} ${response.statusText}. Fix: serve every file of dist/ (or of node_modules/role-compare/), the .wasm included, from one folder, as it is built; a bundler that copies only what is imported (esbuild, plain Rollup) leaves the .wasm behind: copy role-compare-*_bg.wasm beside the bundle (README: "esbuild").` };
    }, async (e) => {
      throw (await corsMissing(wasmUrl)) ?? { why: `a network error stopped the download of ${wasmUrl} (${e}). Fix: check the connection, and that the server (and its CORS headers, when on another origin) lets this page load it.` };
    });
    glue.catch(() => {});
    wasm.catch(() => {});
    await ready;
    const started = await glue;
    await started.default({ module_or_path: await wasm }).catch((e) => {
      if (!(e instanceof WebAssembly.CompileError)) throw e;
      throw { why: `${wasmUrl} is not the WebAssembly file it should be (${e}). Fix: serve dist/'s .wasm unchanged, as application/wasm (a server that answers a missing file with a web page sends HTML instead).` };
    });
    const refused = started.startFailure?.();
    if (refused) throw { said: refused };
  } catch (e) {
    throw new Error(e && e.said ? e.said : roleCompareFailed(e));
  }
  await new Promise((go) => setTimeout(go, 0));
};

export const afterPaint = () => new Promise((go) => { requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 100); });
