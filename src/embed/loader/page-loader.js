// role-compare: fills the widget's own page, with the wasm built for its language.
//
// The entry of dist/page-loader-<hash>.js, which the widget's own pages load
// (index.html, index.<lang>.html, and so the iframe), bundled by esbuild
// (xtask/src/dist/js.rs), which defines ROLE_COMPARE_BUILDS as
// `[[tag, glue, wasm], …]` (one page build per dataset, the first the default)
// and ROLE_COMPARE_LANG_KEY as the query key of the language. It starts the
// build of `?lang=` if one has it, else of the page's <html lang>, else the
// first; the match is the wasm's own (pick.js). In WordPress's embed frame it
// answers WordPress's messages (wp-embed.js).

import "./wp-embed.js";
import { pick } from "./pick.js";
import { afterPaint, start } from "./start.js";

const builds = ROLE_COMPARE_BUILDS;
const asked = new URLSearchParams(location.search).getAll(ROLE_COMPARE_LANG_KEY).pop();
const [, glue, wasm] = builds[[asked, document.documentElement.lang].map((tag) => pick(builds.map(([lang]) => lang), tag)).find((ix) => ix >= 0) ?? 0];
const glueUrl = new URL(glue, import.meta.url);
const wasmUrl = new URL(wasm, import.meta.url);
// A failure to start has been said in the console, once.
start(afterPaint(), { glueUrl, wasmUrl, loadGlue: () => import(glueUrl) }).catch(() => {});
