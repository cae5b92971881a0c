// The same app in esbuild's default format for a bundle (iife: a classic
// script, no top-level await), its wasm copied beside the bundle.
import { ready } from "role-compare";

ready.then(() => {
  const widget = document.getElementById("widget");
  document.getElementById("view").textContent = JSON.stringify(widget.view);
  widget.addEventListener("role-compare-change", (event) => {
    document.getElementById("last-change").textContent = JSON.stringify(event.detail);
  });
});
