// What a CMS script or a framework does: set properties on the element while
// its definition is still loading; the element takes them over when it upgrades.
const early = document.getElementById("by-properties");
window.setBeforeDefine = customElements.get("role-compare") === undefined;
early.categories = ["skills", "salary"];
early.theme = "dark";
early.highlight = true;
// Then load the widget from the installed package.
await import("./node_modules/role-compare/role-compare.js");
