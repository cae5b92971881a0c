// A server component: README's Next.js recipe. The wrapper renders the
// fallback's markup on the server; the second widget is the plain element
// with role-compare/fallback's markup, made here on the server: React cannot
// hydrate the declarative shadow root (the browser's parsed DOM no longer has
// the <template>), so suppressHydrationWarning keeps the server's markup
// without the development build's mismatch error.
import { fallback } from "role-compare/fallback";
import { Comparison } from "./comparison";
import { Listen } from "./listen";

export default function Page() {
  return (
    <main>
      <h1>Careers</h1>
      <Comparison />
      <p id="between">Between the widgets.</p>
      <div id="server-host" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: fallback({ comparison: "respiratory-therapist-vs-perfusionist", categories: "salary,education", base: "/role-compare/" }) }} />
      <Listen />
      <p id="below">Below the widgets.</p>
    </main>
  );
}
