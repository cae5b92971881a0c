// The one piece of hand-written JS the platform requires: a custom element
// must be a class extending HTMLElement. Everything it does is in Rust
// (src/embed/element.rs); this only forwards the lifecycle callbacks and
// defines the properties Rust lists, each read and written by Rust.

// Marks our class, in the global symbol registry, so that any copy of
// role-compare (another loader, another wasm instance) recognises it.
const OURS = Symbol.for("role-compare.element");
// What the build that defined the element has (its comparisons, roles and
// languages), so that a second, different build can say what it lacks.
const BUILD = Symbol.for("role-compare.build");

// Defines `name`; returns "defined", "ours" (a copy of role-compare defined it
// already: nothing to do) or "taken" (another script defined it first).
export function defineElement(name, observed, properties, readonly, connected, disconnected, changed, get, set, build) {
  const existing = customElements.get(name);
  if (existing) return existing[OURS] ? "ours" : "taken";
  class RoleCompareElement extends HTMLElement {
    static get [OURS]() { return true; }
    static get [BUILD]() { return build; }
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

// The ids of the build that defined `name` (`{comparisons, roles, langs}`),
// or undefined (not ours, or a copy of 0.2 that did not say).
export function definingBuild(name) {
  const existing = customElements.get(name);
  return existing && existing[OURS] ? existing[BUILD] : undefined;
}
