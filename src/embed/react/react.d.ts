// role-compare/react: <RoleCompare>, the <role-compare> element as a React 19 component.
import type { CSSProperties, JSX, Ref } from "react";
import type { RoleCompareChangeEvent, RoleCompareElement } from "./role-compare.js";
import type { RoleCompareFallbackOptions } from "./fallback.js";

/**
 * The element's settings (each sets the property of that name, README "Custom element"),
 * plus the wrapper's `id`, `className` and `style`, `base` and `onChange`.
 */
export interface RoleCompareProps extends Omit<RoleCompareFallbackOptions, "base"> {
  /** Called with each `role-compare-change` event: `event.detail` is the reader's new view. */
  onChange?: (event: RoleCompareChangeEvent) => void;
  /** Where the page serves the package's `role-compare.css` and `noscript.css` (e.g. `/role-compare/`): the server markup's stylesheet links point there. */
  base?: string;
  /** The wrapper `<div>`'s id, class and style (the element is its one child). */
  id?: string;
  className?: string;
  style?: CSSProperties;
  /** The `<role-compare>` element (null until it is mounted). */
  ref?: Ref<RoleCompareElement | null>;
}

/**
 * `<role-compare>` in a wrapper `<div>`: on the server, role-compare/fallback's markup for
 * these settings (content in the first byte; settings without prerendered markup render
 * the wrapper empty); in the browser the element, its properties set and `onChange`
 * listened to by the component itself (so they work after hydration). A client component.
 */
export declare function RoleCompare(props: RoleCompareProps): JSX.Element;
