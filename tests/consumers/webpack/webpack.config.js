// README's webpack 5 recipe: no configuration for role-compare but the
// performance hint that leaves its wasm out (a production build then warns of nothing).
import { fileURLToPath } from "node:url";

export default {
  entry: "./src/app.js",
  output: { path: fileURLToPath(new URL("./public/build/", import.meta.url)), publicPath: "/build/", clean: true },
  performance: { assetFilter: (file) => !file.endsWith(".wasm") },
};
