// role-compare/fallback outside Node (a browser bundle): no markup, so that
// none of it ends up in a client bundle; calling it says where it works.

const why = "role-compare: fallback() runs on the server only (its package export has the markup under the `node` condition): call it in a server component, a server render or a static build, and pass the string it returns to the page.";

export function fallback() {
  throw new Error(why);
}
