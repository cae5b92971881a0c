// <role-compare> in React 19's JSX: its attributes typed, and its event as an
// `on<event-name>` prop (React 19 adds it with addEventListener).
import type { RoleCompareAttributes, RoleCompareChangeEvent, RoleCompareElement } from "role-compare";
import type { DetailedHTMLProps, HTMLAttributes } from "react";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "role-compare": DetailedHTMLProps<HTMLAttributes<RoleCompareElement>, RoleCompareElement> &
        RoleCompareAttributes & { "onrole-compare-change"?: (event: RoleCompareChangeEvent) => void };
    }
  }
}
