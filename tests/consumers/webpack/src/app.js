// The app: the element registered by the import, its view read once ready, its event heard.
import { ready } from "role-compare";

const widget = document.querySelector("#host role-compare");
widget.addEventListener("role-compare-change", (e) => {
  document.getElementById("last-change").textContent = JSON.stringify(e.detail);
});
ready.then(() => {
  document.getElementById("view").textContent = JSON.stringify(widget.view);
});
