// role-compare/react rendered on the server (react-dom/server, Node): the
// wrapper holds role-compare/fallback's markup for its props, nothing else;
// settings without markup render the wrapper empty, without throwing, so the
// live widget can say why once it starts. Run by `cargo xtask consumers`.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { fallback } from "role-compare/fallback";
import { RoleCompare } from "role-compare/react";

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const settings = { comparison: "respiratory-therapist-vs-perfusionist", categories: ["salary", "skills"], theme: "dark", highlight: true, lang: "es" };

const html = renderToString(createElement(RoleCompare, { ...settings, base: "/rc/", id: "w", className: "c", onChange: () => {} }));
check(html === `<div id="w" class="c">${fallback({ ...settings, base: "/rc/" })}</div>`, `the wrapper holds the fallback of its props: ${html.slice(0, 200)}`);
check(html.includes('<role-compare categories="salary,skills" theme="dark" highlight lang="es" comparison="respiratory-therapist-vs-perfusionist">'), "its host has the props as attributes");

for (const props of [{ comparison: "astronaut-vs-pilot" }, { roles: ["perfusionist", "astronaut"] }]) {
  let out, thrown;
  try { out = renderToString(createElement(RoleCompare, props)); } catch (e) { thrown = e; }
  check(!thrown && out === "<div></div>", `${JSON.stringify(props)}: an empty wrapper, not ${thrown || out}`);
}

if (failures.length) {
  console.error(`role-compare/react on the server:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("ok: role-compare/react renders role-compare/fallback's markup on the server, and an empty wrapper for settings without markup");
