// Installed before each bench page's scripts: when the widget became
// interactive (a button enabled), long tasks, and the wasm instance's memory.
(() => {
  const probe = { interactive: null, longTasks: [] };
  Object.defineProperty(window, '__bench', { value: probe });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) probe.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (probe.interactive === null && document.querySelector('button:not([disabled])')) probe.interactive = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  const keep = (result) => { const i = result.instance || result; if (i.exports && i.exports.memory) probe.memory = i.exports.memory; return result; };
  const streaming = WebAssembly.instantiateStreaming, plain = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
  WebAssembly.instantiate = (...a) => plain(...a).then(keep);
})();
