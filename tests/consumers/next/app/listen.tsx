"use client";
// The element's module, loaded in the browser only, and the plain element's event.
import { useEffect, useState } from "react";

export function Listen() {
  const [last, setLast] = useState("");
  useEffect(() => {
    void import("role-compare");
    const el = document.querySelector("#server-host role-compare");
    const listener = (e: Event) => setLast(JSON.stringify((e as CustomEvent).detail));
    el?.addEventListener("role-compare-change", listener);
    return () => el?.removeEventListener("role-compare-change", listener);
  }, []);
  return <output id="server-last-change">{last}</output>;
}
