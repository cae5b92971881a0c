// role-compare/fallback (Node): `fallback(options)`, the markup of
// <role-compare> with its declarative shadow root for a server-rendered or
// static page, so the page carries the asked view in its first byte and the
// live widget takes over without moving anything.
//
// The markup is the build's own: `cargo xtask package` (xtask/src/package.rs)
// reads every dist/fallback/<comparison-id>.<lang>.html the catalogue's
// prerender wrote and gives it, with the catalogue's ids and the element's
// attribute table (src/embed/api.rs), as the JSON module imported below
// (bundled in by esbuild). Nothing is rendered here: this only picks one
// fallback and adds the asked attributes to its host, each value escaped, and
// points its two stylesheet links at `base` when given.
//
// Package exports send only the `node` condition here; everything else (a
// browser bundle) gets fallback-browser.js, which holds no markup.

import data from "role-compare-fallback-data";
import { pick } from "../loader/pick.js";

const TAG = "<" + data.tag;

// An attribute value for a double-quoted attribute.
const escape = (value) => String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

const fail = (why) => new Error(`role-compare: fallback(): ${why}`);

const list = (value) => (Array.isArray(value) ? value : String(value).split(",")).map((v) => String(v).trim()).filter(Boolean);

// The comparison asked for: by its roles (they win, as on the element), else by id, else the first.
const comparisonOf = (options) => {
  const ids = data.comparisons.map((c) => c.id);
  if (options.roles != null) {
    const roles = list(options.roles);
    const unknown = roles.filter((r) => !data.roles.includes(r));
    if (unknown.length) throw fail(`no role ${unknown.map((r) => JSON.stringify(r)).join(", ")} in this build; its roles are ${data.roles.join(", ")}.`);
    const same = (c) => c.roles.length === new Set(roles).size && roles.every((r) => c.roles.includes(r));
    const found = data.comparisons.find(same);
    if (!found) throw fail(`no comparison of the roles ${roles.join(", ")} is prerendered (the live widget can show them, but there is no markup to put first); the prerendered comparisons are ${ids.join(", ")}.`);
    return found.id;
  }
  if (options.comparison != null) {
    const id = String(options.comparison);
    if (!ids.includes(id)) throw fail(`no comparison ${JSON.stringify(id)} in this build; its comparisons are ${ids.join(", ")}.`);
    return id;
  }
  return ids[0];
};

const langOf = (options) => {
  if (options.lang == null) return data.langs[0];
  const ix = pick(data.langs, String(options.lang));
  if (ix >= 0) return data.langs[ix];
  console.warn(`role-compare: fallback(): no language ${JSON.stringify(String(options.lang))} in this build (it has ${data.langs.join(", ")}); the markup is in ${data.langs[0]}.`);
  return data.langs[0];
};

// ` name="value"` for each setting asked for (none for false, null or undefined).
const attributes = (options) => {
  let out = "";
  for (const { attribute, property, kind } of data.attributes) {
    const value = options[property];
    if (value == null || value === false || attribute === "lang" || attribute === "comparison") continue;
    if (kind === "flag") {
      if (value === true) out += ` ${attribute}`;
      else console.warn(`role-compare: fallback(): ${property} is true or false, not ${JSON.stringify(value)}; left out.`);
    } else if (kind === "on-off") {
      out += value === true ? ` ${attribute}` : ` ${attribute}="${escape(value)}"`;
    } else {
      out += ` ${attribute}="${escape(kind === "list" ? list(value).join(",") : value)}"`;
    }
  }
  return out;
};

export function fallback(options = {}) {
  if (options === null || typeof options !== "object") throw fail(`takes an object of settings, not ${JSON.stringify(options)}.`);
  const comparison = comparisonOf(options);
  const markup = data.markup[comparison][langOf(options)];
  let html = TAG + attributes(options) + markup.slice(TAG.length);
  if (options.base != null) {
    const base = String(options.base).endsWith("/") ? String(options.base) : `${options.base}/`;
    for (const sheet of data.stylesheets) html = html.replace(`href="${sheet}"`, `href="${escape(base + sheet)}"`);
  }
  return html;
}
