// role-compare/fallback in Node, as a server render or a static build calls
// it: each comparison's and language's markup is the package's own
// fallback/<id>.<lang>.html with only the asked attributes added, escaped;
// an unknown comparison or role throws a `role-compare:` error (never
// another comparison); a language not built in warns once and gives the
// first; `base` re-points the two stylesheet links. Then it writes
// fallback-page.html, a static page made with it, which the page tests open.
// Run by `cargo xtask consumers` after the tarball is installed.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fallback } from "role-compare/fallback";

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const pkg = new URL("./node_modules/role-compare/", import.meta.url);
const file = (name) => readFileSync(new URL(name, pkg), "utf8");
// The comparisons, as the package's fallback files name them (the ids come from there, not from here).
const comparisons = readdirSync(new URL("fallback/", pkg)).filter((f) => f.endsWith(".en.html")).map((f) => f.slice(0, -".en.html".length)).sort();
const langs = ["en", "es"];
const throws = (f) => { try { f(); return null; } catch (e) { return e; } };

check(comparisons.length >= 3, `the manifest names the comparisons: ${comparisons}`);
for (const id of comparisons) {
  for (const lang of langs) {
    const html = fallback({ comparison: id, lang });
    check(html === file(`fallback/${id}.${lang}.html`), `fallback({comparison: ${id}, lang: ${lang}}) is not fallback/${id}.${lang}.html`);
  }
}
// fallback() is the first comparison (fallback.html's, which names none) in the first language.
const first = fallback();
check(first.replace(/ comparison="[^"]*"/, "") === file("fallback.html"), "fallback() is fallback.html's comparison in English");
comparisons.sort((a, b) => (first.includes(`comparison="${a}"`) ? -1 : first.includes(`comparison="${b}"`) ? 1 : 0));
check(fallback({ lang: "es-MX", comparison: comparisons[1] }) === file(`fallback/${comparisons[1]}.es.html`), "es-MX takes es");

// Settings as the host's attributes, escaped; the rest of the markup unchanged.
const asked = fallback({ comparison: comparisons[1], categories: ["salary", "skills"], theme: "dark", highlight: true, syncUrl: false, picker: true });
const plain = file(`fallback/${comparisons[1]}.en.html`);
check(asked === plain.replace("<role-compare ", '<role-compare categories="salary,skills" theme="dark" picker highlight '), `the settings as attributes: ${asked.slice(0, 160)}`);
const hostile = fallback({ categories: 'salary"><script>alert(1)</script>', theme: "a&b" });
check(hostile.startsWith('<role-compare categories="salary&quot;>&lt;script>alert(1)&lt;/script>" theme="a&amp;b" lang="en"'), `values escaped: ${hostile.slice(0, 160)}`);
check(!hostile.includes("<script>"), "no markup from a value");

// Roles: the comparison of those roles, in the asked column order.
const byRoles = fallback({ roles: ["perfusionist", "ecmo-specialist"] });
check(byRoles === file(`fallback/ecmo-specialist-vs-perfusionist.en.html`).replace("<role-compare ", '<role-compare roles="perfusionist,ecmo-specialist" '), `roles pick their comparison: ${byRoles.slice(0, 120)}`);

// Unknown ids: a role-compare: error naming what the build has, never another comparison.
for (const [options, names] of [
  [{ comparison: "astronaut-vs-pilot" }, ["astronaut-vs-pilot", comparisons[0]]],
  [{ roles: "astronaut,perfusionist" }, ["astronaut", "perfusionist"]],
  [{ roles: [] }, []],
  [{ roles: ["perfusionist", "ecmo-specialist", "respiratory-therapist"] }, [comparisons[0]]],
]) {
  const e = throws(() => fallback(options));
  check(e instanceof Error && e.message.startsWith("role-compare: fallback(): ") && names.every((n) => e.message.includes(n)), `${JSON.stringify(options)} throws a role-compare: error naming ${names}: ${e && e.message}`);
}
check(throws(() => fallback("salary"))?.message.startsWith("role-compare: fallback(): "), "a string instead of settings throws");

// A language that is not built in: one warning, the first language.
const warned = [];
const warn = console.warn;
console.warn = (...args) => warned.push(args.join(" "));
const fr = fallback({ lang: "fr", comparison: comparisons[2] });
console.warn = warn;
check(fr === file(`fallback/${comparisons[2]}.en.html`), "fr gives en");
check(warned.length === 1 && warned[0].startsWith("role-compare: ") && warned[0].includes('"fr"'), `one warning for fr: ${warned}`);

// base re-points the stylesheet links, and only them.
const based = fallback({ base: "/node_modules/role-compare" });
check(based === file(`fallback/${comparisons[0]}.en.html`).replace('href="role-compare.css"', 'href="/node_modules/role-compare/role-compare.css"').replace('href="noscript.css"', 'href="/node_modules/role-compare/noscript.css"'), "base re-points both links");

if (failures.length) {
  console.error(`role-compare/fallback:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}

// A static page built with it: the second comparison, in Spanish, dark, two categories.
const page = readFileSync(new URL("./fallback-page.template.html", import.meta.url), "utf8");
const widget = fallback({ comparison: comparisons[1], lang: "es", categories: "salary,skills", theme: "dark", base: "/node_modules/role-compare/" });
writeFileSync(new URL("./fallback-page.html", import.meta.url), page.replace("<!-- role-compare -->", widget));
console.log(`ok: role-compare/fallback gives each of ${comparisons.length} comparisons in ${langs.length} languages as packaged, with escaped attributes, errors and base; wrote fallback-page.html`);
