// role-compare: what the loaders and the stand-alone file run before and
// around starting the wasm.
//
// `roleCompareBlocked()` names why this page cannot run any WebAssembly (none
// in the browser; a Content-Security-Policy without 'wasm-unsafe-eval', found
// by compiling and instantiating the smallest module, 8 bytes: Chromium
// refuses the compile, WebKit the instance), or returns null.
// `roleCompareFailed(e)` logs a failure to start as exactly one console.error
// beginning `role-compare:`, naming the cause and the fix, and returns it. Failures found here
// are thrown as `{ why }`; anything else (a compile or instantiate error, a
// panic at start) is named as it came. Content already on the page (the
// prerendered page, a pasted fallback) is left as it is, its toggles disabled.

export const roleCompareBlocked = () => {
  if (typeof WebAssembly !== "object") return { why: "this browser has no WebAssembly (or it is turned off), so the widget cannot start. Open the page in a browser with WebAssembly enabled." };
  try { new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0))); } catch (e) {
    return { why: `this page's Content-Security-Policy does not allow WebAssembly (${e.message}). Fix: add 'wasm-unsafe-eval' to its script-src directive.` };
  }
  return null;
};

export const roleCompareFailed = (e) => {
  const message = `role-compare: ${e && e.why ? e.why : `the widget failed to start: ${e}.`} The content already on the page stays readable; its toggles, which cannot work, are hidden.`;
  console.error(message);
  // The first-paint rules of role-compare.css hide the toolbar of a marked widget.
  for (const el of [document.documentElement, ...document.querySelectorAll(ROLE_COMPARE_TAG)]) el.setAttribute("data-rc-failed", "");
  return message;
};
