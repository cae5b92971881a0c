import { useEffect, useState, type MouseEvent } from "react";
import type { RoleCompareChangeEvent, RoleCompareView } from "role-compare";

/** Client-side routes: "/" shows the comparison, "/about" does not. */
export function App() {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const link = (to: string) => (event: MouseEvent) => {
    event.preventDefault();
    history.pushState(null, "", to);
    setPath(to);
  };
  return (
    <>
      <nav>
        <a id="nav-compare" href="/" onClick={link("/")}>Compare roles</a>{" "}
        <a id="nav-about" href="/about" onClick={link("/about")}>About</a>
      </nav>
      {path === "/about" ? <p id="about">Careers in perfusion: an example app.</p> : <ComparePage />}
    </>
  );
}

function ComparePage() {
  const [highlight, setHighlight] = useState(false);
  const [last, setLast] = useState<RoleCompareView | null>(null);
  const [changes, setChanges] = useState(0);
  const onChange = (event: RoleCompareChangeEvent) => {
    setLast(event.detail);
    setChanges((n) => n + 1);
  };
  return (
    <main>
      <label>
        <input id="highlight" type="checkbox" checked={highlight} onChange={(e) => setHighlight(e.target.checked)} />
        Highlight differences
      </label>
      <role-compare id="widget" categories="salary,skills" theme="dark" highlight={highlight} onrole-compare-change={onChange} />
      <p>
        Changes seen: <output id="changes">{changes}</output>, last:{" "}
        <output id="last-change">{last ? JSON.stringify(last) : ""}</output>
      </p>
    </main>
  );
}
