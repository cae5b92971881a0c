// The one piece of hand-written JS the platform requires: a custom element
// must be a class extending HTMLElement. Everything it does is in Rust
// (src/embed/element.rs); this only forwards the lifecycle callbacks.

// Marks our class, in the global symbol registry, so that any copy of
// role-compare (another loader, another wasm instance) recognises it.
const OURS = Symbol.for("role-compare.element");

// Defines `name`; returns "defined", "ours" (a copy of role-compare defined it
// already: nothing to do) or "taken" (another script defined it first).
export function defineElement(name, observed, connected, disconnected, changed) {
  const existing = customElements.get(name);
  if (existing) return existing[OURS] ? "ours" : "taken";
  customElements.define(name, class extends HTMLElement {
    static get [OURS]() { return true; }
    static get observedAttributes() { return observed; }
    connectedCallback() { connected(this); }
    disconnectedCallback() { disconnected(this); }
    attributeChangedCallback() { if (this.isConnected) changed(this); }
  });
  return "defined";
}
