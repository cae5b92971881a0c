// The page, made at build time as a static site generator would: the
// widget's markup from role-compare/fallback (Node), so the page holds the
// view before the bundle runs; the bundle (webpack) makes it live.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fallback } from "role-compare/fallback";

const widget = fallback({ categories: "salary,skills", highlight: "true", base: "/role-compare/" });
mkdirSync("public", { recursive: true });
writeFileSync("public/index.html", readFileSync("page.template.html", "utf8").replace("<!-- role-compare -->", widget));
