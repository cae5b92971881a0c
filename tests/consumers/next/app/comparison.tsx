"use client";
// A client component with the wrapper: props set as properties, onChange heard.
import { useState } from "react";
import { RoleCompare } from "role-compare/react";
import type { RoleCompareElement, RoleCompareView } from "role-compare";

export function Comparison() {
  const [highlight, setHighlight] = useState(false);
  const [last, setLast] = useState<RoleCompareView | null>(null);
  const [changes, setChanges] = useState(0);
  const ref = (el: RoleCompareElement | null) => {
    if (el) (window as unknown as { wrapped?: RoleCompareElement }).wrapped = el;
  };
  return (
    <section>
      <button id="highlight" onClick={() => setHighlight((h) => !h)}>Highlight</button>
      <RoleCompare id="wrapped" ref={ref} categories={["salary", "skills"]} theme="dark" highlight={highlight} base="/role-compare/"
                   onChange={(e) => { setLast(e.detail); setChanges((n) => n + 1); }} />
      <output id="changes">{changes}</output>
      <output id="last-change">{last ? JSON.stringify(last) : ""}</output>
    </section>
  );
}
