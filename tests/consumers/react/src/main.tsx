import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

// Registers <role-compare>. Not awaited: the app renders at once and the
// element upgrades when its wasm has loaded (the attributes React set before
// that are read then).
void import("role-compare");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
