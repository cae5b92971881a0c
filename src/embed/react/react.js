"use client";
// role-compare/react: <RoleCompare>, the element as a React component, as
// component libraries ship one. Bundled by esbuild (xtask/src/server_modules.rs)
// with the element's property names and event name from its API table
// (src/embed/api.rs) as `--define`s.
//
// - On the server it renders a wrapper <div> holding role-compare/fallback's
//   markup (the element with its declarative shadow root) as inner HTML: the
//   page's first byte carries the asked view. React cannot hydrate a
//   declarative shadow root (the parser has turned the <template> into a
//   shadow root), so React never owns the element: the wrapper's inner HTML
//   is fixed at its first render, `suppressHydrationWarning` keeps the
//   server's, and React never writes it again.
// - In the browser it renders the same wrapper (empty where there was no
//   server render: then it creates the element itself), loads the element
//   (import("role-compare"), in an effect: nothing runs on the server), and
//   sets the element's properties and adds the listener of `onChange` itself
//   from effects, so both work after hydration, unlike React's own custom
//   element props there (react#35446). A property is set only when its
//   prop's value changes (by value: an array prop re-created on every render
//   sets nothing), so a re-render never resets the reader's view.
// - Its ref is the <role-compare> element (null until it is mounted).

import { createElement, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from "react";
import { fallback } from "role-compare/fallback";

const PROPERTIES = ROLE_COMPARE_PROPERTIES;
const EVENT = ROLE_COMPARE_EVENT;
const TAG = ROLE_COMPARE_TAG;

const onServer = typeof document === "undefined";

// A prop's value as compared between renders.
const key = (value) => (Array.isArray(value) ? value.join(",") : value === undefined ? undefined : String(value));

const settingsOf = (props) => Object.fromEntries(PROPERTIES.filter((p) => props[p] !== undefined).map((p) => [p, props[p]]));

// The server's markup, or "" when there is none (in the browser; on the
// server for settings without prerendered markup, which the live widget
// reports itself once it starts).
const serverMarkup = (settings, base) => {
  if (!onServer) return "";
  try {
    return fallback({ ...settings, base });
  } catch {
    return "";
  }
};

export function RoleCompare(props) {
  const { ref, onChange, base, id, className, style } = props;
  const settings = settingsOf(props);
  const wrapper = useRef(null);
  const element = useRef(null);
  // What the element was given: the first render's settings are in the server markup.
  const given = useRef(null);
  const [html] = useState(() => serverMarkup(settings, base));

  useLayoutEffect(() => {
    let el = wrapper.current.querySelector(TAG);
    given.current = new Map();
    if (el) {
      // The server's element: its attributes are the first render's settings.
      for (const [p, v] of Object.entries(settings)) given.current.set(p, key(v));
    } else {
      el = document.createElement(TAG);
      wrapper.current.append(el);
    }
    element.current = el;
    import("role-compare").catch((e) => console.error(`role-compare: the element's module did not load (${e && e.message}); serve the app's chunks as built.`));
    return () => {
      element.current = null;
    };
  }, []);

  useImperativeHandle(ref, () => element.current, []);

  const keys = PROPERTIES.map((p) => key(props[p]));
  useLayoutEffect(() => {
    const el = element.current;
    for (const p of PROPERTIES) {
      const k = key(props[p]);
      if (given.current.get(p) === k) continue;
      if (k === undefined) {
        // A prop taken away: its attribute goes, and the element's default applies.
        given.current.delete(p);
        if (p === "lang") el.removeAttribute("lang");
        else el[p] = null;
        continue;
      }
      given.current.set(p, k);
      el[p] = props[p];
    }
  }, keys);

  useEffect(() => {
    const el = element.current;
    if (!el || typeof onChange !== "function") return;
    const listener = (event) => onChange(event);
    el.addEventListener(EVENT, listener);
    return () => el.removeEventListener(EVENT, listener);
  }, [onChange]);

  return createElement("div", { ref: wrapper, id, className, style, suppressHydrationWarning: true, dangerouslySetInnerHTML: { __html: html } });
}
