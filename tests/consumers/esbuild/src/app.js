// README's esbuild recipe: the package bundled in (--format=esm), its wasm
// copied beside the bundle.
import { ready } from "role-compare";

await ready; // <role-compare> is defined: its properties and view work
const widget = document.getElementById("widget");
document.getElementById("view").textContent = JSON.stringify(widget.view);
widget.addEventListener("role-compare-change", (event) => {
  document.getElementById("last-change").textContent = JSON.stringify(event.detail);
});
