// README's plain-TypeScript snippet, type-checked (strict) against the
// package's role-compare.d.ts; the lines marked @ts-expect-error must fail.
import { ready } from "role-compare";
import type { RoleCompareCategoryId, RoleCompareChangeEvent } from "role-compare";

await ready; // <role-compare> is defined: its properties and view work
const widget = document.querySelector("role-compare"); // RoleCompareElement | null
if (widget) {
  widget.categories = ["salary", "skills"]; // or "salary,skills"
  widget.theme = "dark";
  widget.highlight = true;
  const shown: RoleCompareCategoryId[] = widget.view.categories;
  console.log(shown, widget.roles, widget.syncUrl);
  widget.addEventListener("role-compare-change", (event) => {
    console.log(event.detail.categories, event.detail.highlight);
  });
}
document.addEventListener("role-compare-change", (event: RoleCompareChangeEvent) => console.log(event.detail));
const created = document.createElement("role-compare");
created.categories = "salary,skills";
created.roles = ["perfusionist"];

// The types are strict: these are errors.
// @ts-expect-error: not a theme
created.theme = "purple";
// @ts-expect-error: view is read-only
created.view = { categories: [], highlight: false };
// @ts-expect-error: not a category id
created.categories = ["astronaut"];
// @ts-expect-error: highlight is a boolean
created.highlight = "on";
// @ts-expect-error: ready is a promise of nothing
const nothing: RoleCompareCategoryId[] = await ready;
