// role-compare: `pick(available, tag)`, the index in `available` of the best
// tag for `tag`, or -1; `data::ui::pick` of the wasm in JS, step for step
// (RFC 4647 lookup: `es-MX` takes `es-MX`, then `es`; then any tag of the
// same language; ASCII case ignored; `-` and `_` both separate subtags). The
// test `the_page_loaders_pick_is_the_wasms` (xtask) runs both over the same tags.

export const pick = (available, tag) => {
  const lower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const primary = (s) => lower(s.split(/[-_]/)[0]);
  const requested = (tag || "").trim();
  if (!requested) return -1;
  for (let prefix = requested; ; ) {
    const ix = available.findIndex((a) => lower(a) === lower(prefix));
    if (ix >= 0) return ix;
    const cut = Math.max(prefix.lastIndexOf("-"), prefix.lastIndexOf("_"));
    if (cut < 0) break;
    prefix = prefix.slice(0, cut);
  }
  return available.findIndex((a) => primary(a) === primary(requested));
};
