// The README's parent snippet, as an embedder pastes it (plus a record for the tests).
window.addEventListener("message", (e) => {
  if (!e.data || e.data.type !== "role-compare:resize") return;
  for (const f of document.querySelectorAll("iframe"))
    if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
  (window.__heights = window.__heights || []).push(e.data.height);
});
// Frames that posted before this listener existed: ask them again.
for (const f of document.querySelectorAll("iframe")) f.contentWindow.postMessage({ type: "role-compare:measure" }, "*");
