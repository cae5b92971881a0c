// role-compare: the stand-alone file's one module script, bundled by esbuild
// (xtask/src/dist/standalone.rs) with its page build's glue
// (`role-compare:glue`) and the wasm as base64 (`role-compare:wasm`), so the
// file requests nothing. Failures are caught like the loaders'.

import init from "role-compare:glue";
import wasm from "role-compare:wasm";
import { roleCompareBlocked, roleCompareFailed } from "./failures.js";

try {
  const blocked = roleCompareBlocked();
  if (blocked) throw blocked;
  const wasmBytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
  await init({ module_or_path: wasmBytes });
} catch (e) {
  roleCompareFailed(e);
}
