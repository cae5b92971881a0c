// Installed before a host article's scripts: long tasks, layout shifts and
// the largest contentful paint, from buffered PerformanceObservers.
(() => {
  const p = { longTasks: [], shift: 0, lcp: null };
  Object.defineProperty(window, '__host', { value: p });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) p.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) p.shift += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => { const e = l.getEntries(); p.lcp = e[e.length - 1].startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
})();
