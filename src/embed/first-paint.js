// role-compare: the view a link asks for, in the first paint. A classic script
// in <head> (render-blocking, no inline code: the strict CSP holds) copies the
// settings of the query string and of the fragment onto <html> as data-rc-*
// attributes, ids space-separated, the fragment's over the query's. CSS
// generated from the dataset (xtask/src/first_paint.rs) shows that view until
// the wasm, which decodes the same URL in Rust (src/state.rs), takes over.
// The fit view's answers it checks as the parser adds their radios.
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
  // The answers' radios (`answers=pay.1`: the option of data-answer="pay.1"),
  // checked as soon as the parser adds them, so the first paint shows them as
  // the live view will: a question's first answer the page has, as
  // src/state.rs reads them. Mutation observers run before the next paint.
  const answers = (marks.answers || "").split(" ").filter(Boolean);
  if (!answers.length) return;
  const check = () => {
    const options = [...document.querySelectorAll("label.rc-fit-option[data-answer]")];
    const asked = new Set();
    for (const answer of answers) {
      const question = answer.slice(0, answer.lastIndexOf("."));
      const radio = options.find((o) => o.dataset.answer === answer)?.querySelector("input[type=radio]");
      if (!radio || asked.has(question)) continue;
      asked.add(question);
      radio.checked = true;
    }
  };
  const parsing = new MutationObserver(check);
  parsing.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    parsing.disconnect();
    check();
  });
})();
