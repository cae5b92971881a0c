// The static page's script (fallback-page.html): the element made live, its event and ready shown.
import { ready } from "/node_modules/role-compare/role-compare.js";
const el = document.querySelector("role-compare");
el.addEventListener("role-compare-change", (e) => { document.getElementById("last-change").textContent = JSON.stringify(e.detail); });
ready.then(() => { document.getElementById("ready").textContent = "ready"; });
