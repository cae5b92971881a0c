// The toggle cost: each click is made just after a frame (rAF, then a task),
// and timed to the message-channel task after which its toggle shows the
// change. Arguments: selector, clicks, done.
const [selector, clicks, done] = arguments;
const buttons = [...document.querySelectorAll(selector)];
const tick = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
(async () => {
  const times = [];
  for (let i = 0; i < clicks; i++) {
    const b = buttons[i % buttons.length];
    const before = b.getAttribute('aria-pressed');
    await frame();
    await tick();
    const t0 = performance.now();
    b.click();
    // Now and then the update lands a task later (Yew's scheduler): time to it.
    let n = 0;
    do { await tick(); } while (b.getAttribute('aria-pressed') === before && ++n < 20);
    const t1 = performance.now();
    if (b.getAttribute('aria-pressed') === before) return done({ error: 'DOM not updated 20 tasks after click ' + i });
    times.push(t1 - t0);
  }
  done({ times });
})();
