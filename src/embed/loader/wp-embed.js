// role-compare: WordPress's embed protocol, for the widget's page framed by
// the markup of its oEmbed file (README, "oEmbed"; imported by page-loader.js).
//
// WordPress (wp-includes/js/wp-embed.js) frames the page with
// sandbox="allow-scripts", appends `#?secret=<10 letters or digits>` to its
// URL, hides the frame behind the blockquote's link until the frame posts
// `{message: "height", value, secret}` (clamping the height to 200–1000 px),
// posts `{message: "ready", secret}` when it starts after the frame, and
// follows `{message: "link", value, secret}` to a URL on the frame's host: the
// sandbox lets the frame neither navigate the page nor open a window. The
// height is sent as the page measures it, before the wasm too, and on every
// change. Without a secret (not WordPress's frame) this does nothing; a bad
// one is one warning, and the widget renders as ever.

const found = /\?secret=([^&?#]*)/.exec(location.hash);
if (found && window.parent !== window) {
  const secret = found[1];
  if (!/^[A-Za-z0-9]{10}$/.test(secret)) {
    console.warn(`role-compare: ignored #?secret=${secret.slice(0, 40)}: WordPress's embed secret is 10 letters or digits, so the page does not answer its embed messages (the frame keeps WordPress's starting height).`);
  } else {
    const root = document.documentElement;
    const send = (message, value) => window.parent.postMessage({ message, value, secret }, "*");
    let last = -1;
    const height = (again) => {
      const value = Math.ceil(root.getBoundingClientRect().height);
      if (value !== last || again) send("height", (last = value));
    };
    height(true);
    new ResizeObserver(() => height(false)).observe(root);
    addEventListener("message", (e) => {
      if (e.source === window.parent && e.data && e.data.secret === secret && e.data.message === "ready") height(true);
    });
    // Every link, through WordPress: an in-page one (At a glance) opens the
    // full comparison, this page without `?embed`, at that section.
    const full = new URL(location.pathname, location.href);
    addEventListener("click", (e) => {
      const link = e.target instanceof Element && e.target.closest("a[href]");
      if (!link || e.button !== 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      e.stopPropagation();
      send("link", new URL(link.getAttribute("href"), full).href);
    }, true);
  }
}
