// role-compare: the view a link asks for, in the first paint. A classic script
// in <head> (render-blocking, no inline code: the strict CSP holds) copies the
// settings of the query string and of the fragment onto <html> as data-rc-*
// attributes, ids space-separated, the fragment's over the query's. CSS
// generated from the dataset (xtask/src/first_paint.rs) shows that view until
// the wasm, which decodes the same URL in Rust (src/state.rs), takes over.
(() => {
  const keys = ["comparison", "roles", "categories", "hide", "highlight", "theme", "answers"];
  const shown = ["categories", "hide"];
  const marks = {};
  // A fragment without "=" is an in-page anchor, not a view; what follows a
  // "?" in it is not the view's (WordPress's embed frame: `#?secret=…`).
  const hash = location.hash.split("?")[0];
  for (const part of [location.search, hash.includes("=") ? hash : ""]) {
    const found = {};
    new URLSearchParams(part.slice(1)).forEach((value, key) => {
      if (!keys.includes(key) || value.length > 1000) return;
      // The later of categories / hide decides what is shown.
      if (shown.includes(key)) shown.forEach((k) => delete found[k]);
      found[key] = value.split(",").map((id) => id.trim()).join(" ").trim();
    });
    if (shown.some((k) => k in found)) shown.forEach((k) => delete marks[k]);
    Object.assign(marks, found);
  }
  // `?embed`: the view made for an embed's frame (page.css; README, "oEmbed").
  if (new URLSearchParams(location.search).has("embed")) marks.embed = "";
  for (const key in marks) document.documentElement.setAttribute("data-rc-" + key, marks[key]);
})();
