// Static output (Astro's default): no configuration for role-compare.
import { defineConfig } from "astro/config";

export default defineConfig({ output: "static" });
