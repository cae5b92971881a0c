// The one piece of hand-written JS the platform requires: a custom element
// must be a class extending HTMLElement. Everything it does is in Rust
// (src/embed/element.rs); this only forwards the lifecycle callbacks.
export function defineElement(name, observed, connected, disconnected, changed) {
  if (customElements.get(name)) return;
  customElements.define(name, class extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() { connected(this); }
    disconnectedCallback() { disconnected(this); }
    attributeChangedCallback() { if (this.isConnected) changed(this); }
  });
}
