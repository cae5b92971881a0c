// The one piece of hand-written JS the platform requires: a custom element
// must be a class extending HTMLElement. Everything it does is in Rust
// (src/embed/element.rs); this only forwards the lifecycle callbacks and
// defines the properties Rust lists, each read and written by Rust.

// Marks our class, in the global symbol registry, so that any copy of
// role-compare (another loader, another wasm instance) recognises it.
const OURS = Symbol.for("role-compare.element");

// Defines `name`; returns "defined", "ours" (a copy of role-compare defined it
// already: nothing to do) or "taken" (another script defined it first).
export function defineElement(name, observed, properties, readonly, connected, disconnected, changed, get, set) {
  const existing = customElements.get(name);
  if (existing) return existing[OURS] ? "ours" : "taken";
  class RoleCompareElement extends HTMLElement {
    static get [OURS]() { return true; }
    static get observedAttributes() { return observed; }
    connectedCallback() {
      // Values set before the element was defined hide the accessors: take them over.
      for (const p of properties) {
        if (Object.hasOwn(this, p)) { const value = this[p]; delete this[p]; this[p] = value; }
      }
      connected(this);
    }
    disconnectedCallback() { disconnected(this); }
    attributeChangedCallback() { if (this.isConnected) changed(this); }
  }
  for (const p of properties) {
    Object.defineProperty(RoleCompareElement.prototype, p, {
      get() { return get(this, p); }, set(value) { set(this, p, value); }, enumerable: true, configurable: true,
    });
  }
  for (const p of readonly) {
    Object.defineProperty(RoleCompareElement.prototype, p, { get() { return get(this, p); }, enumerable: true, configurable: true });
  }
  customElements.define(name, RoleCompareElement);
  return "defined";
}
