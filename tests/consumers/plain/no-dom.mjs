// The installed package imported where there is no document: in Node, as a
// server render or static prerendering evaluates it, then again (a second
// instance of the module) under a global like a web worker's. Each time the
// import must not throw, read no DOM global (`document` is left undefined, so
// any use of it but a `typeof` guard throws), call nothing that would start
// the widget (fetch, WebAssembly, timers, the console), add no global, and
// leave `ready` a promise that has not settled.
// Run by `cargo xtask consumers` after the tarball is installed.

const resolved = import.meta.resolve("role-compare");
const failures = [];
const real = { setTimeout, setInterval, setImmediate, queueMicrotask, fetch, WebAssembly, console };

// Globals a browser has and Node does not: reading any records it.
const domGlobals = [
  "window", "customElements", "HTMLElement", "Element", "Node", "location", "history",
  "requestAnimationFrame", "IntersectionObserver", "MutationObserver", "ResizeObserver",
  "CustomEvent", "getComputedStyle", "matchMedia", "localStorage", "importScripts",
].filter((name) => !(name in globalThis));

const touched = [];
const trap = () => {
  for (const name of domGlobals) {
    Object.defineProperty(globalThis, name, { get() { touched.push(`read ${name}`); return undefined; }, configurable: true });
  }
  const called = (name) => (...args) => { touched.push(`called ${name}`); return name.startsWith("console.") ? undefined : real[name]?.(...args); };
  globalThis.setTimeout = called("setTimeout");
  globalThis.setInterval = called("setInterval");
  globalThis.setImmediate = called("setImmediate");
  globalThis.queueMicrotask = called("queueMicrotask");
  globalThis.fetch = called("fetch");
  globalThis.WebAssembly = new Proxy(real.WebAssembly, { get(target, key) { touched.push(`read WebAssembly.${String(key)}`); return target[key]; } });
  globalThis.console = Object.fromEntries(["log", "info", "warn", "error", "debug"].map((level) => [level, called(`console.${level}`)]));
};
const untrap = () => {
  for (const name of domGlobals) delete globalThis[name];
  Object.assign(globalThis, real);
};

const importWithNoDocument = async (label, url, extraGlobals = {}) => {
  Object.assign(globalThis, extraGlobals);
  const before = new Set(Object.getOwnPropertyNames(globalThis));
  touched.length = 0;
  trap();
  let module, thrown;
  try {
    module = await import(url);
  } catch (e) {
    thrown = e;
  }
  untrap();
  const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name));
  for (const name of Object.keys(extraGlobals)) delete globalThis[name];
  if (thrown) return failures.push(`${label}: the import threw ${thrown && thrown.stack || thrown}`);
  if (touched.length) failures.push(`${label}: the import touched ${[...new Set(touched)].join(", ")}`);
  if (added.length) failures.push(`${label}: the import added the globals ${added.join(", ")}`);
  if (!(module.ready instanceof Promise)) return failures.push(`${label}: the package exports no promise \`ready\` (exports: ${Object.keys(module).join(", ")})`);
  const outcome = await Promise.race([
    module.ready.then(() => "resolved", (e) => `rejected (${e && e.message})`),
    new Promise((go) => setTimeout(() => go("pending"), 100)),
  ]);
  if (outcome !== "pending") failures.push(`${label}: ready ${outcome}, where it should never settle`);
};

await importWithNoDocument("Node (a server render)", resolved);
// A web worker's global scope has `self` (and no document); a second instance of the module.
await importWithNoDocument("a worker-like global", `${resolved}?worker`, { self: globalThis });

if (failures.length) {
  console.error(`importing role-compare with no document:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`ok: importing role-compare in Node and under a worker-like global touched no DOM global, started nothing, and left ready pending (${resolved})`);
