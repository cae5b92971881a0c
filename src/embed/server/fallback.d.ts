// role-compare/fallback: the prerendered markup of <role-compare> for a server-rendered or static page.
import type { RoleCompareCategoryId, RoleCompareComparisonId, RoleCompareRoleId, RoleCompareTheme } from "./role-compare.js";

/** The settings of the markup; each is the element's attribute of that name (README, "Custom element"). */
export interface RoleCompareFallbackOptions {
  /** The comparison shown (its prerendered markup). Default: the catalogue's first. An unknown id throws. */
  comparison?: RoleCompareComparisonId;
  /** The roles compared, in column order; wins over `comparison`. They must be the roles of a comparison of the catalogue (its markup is the one prerendered), else it throws. */
  roles?: readonly RoleCompareRoleId[] | string;
  /** The language (BCP 47; `es-MX` takes `es`). Default: the first built in; one that is not built in gives that one, with one console warning. */
  lang?: string;
  /** The categories shown at start (ids, or comma-separated). */
  categories?: readonly RoleCompareCategoryId[] | string;
  theme?: RoleCompareTheme;
  highlight?: boolean | "on" | "off";
  picker?: boolean;
  pickerRoles?: readonly RoleCompareRoleId[] | string;
  syncUrl?: boolean;
  loading?: "eager" | "lazy";
  /** The URL of the folder where the page serves the package's `role-compare.css` and `noscript.css` (e.g. `/role-compare/`); the markup's two stylesheet links point there. Default: beside the page. */
  base?: string;
}

/**
 * The markup of `<role-compare>` with its declarative shadow root, prerendered
 * at build time for the asked comparison and language, with the asked settings
 * as its host's attributes (values escaped). Throws an `Error` beginning
 * `role-compare:` for an unknown comparison or role, never returning another
 * comparison. Node only (the package's `node` export condition); elsewhere it throws.
 */
export declare function fallback(options?: RoleCompareFallbackOptions): string;
