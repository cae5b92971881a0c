// role-compare/fallback imported by client code: bundled for a browser it
// must hold none of the markup (cargo xtask consumers checks both platforms).
import { fallback } from "role-compare/fallback";

export const markup = () => fallback({ categories: "salary" });
