import { Link } from "../components/ui/Link.tsx";

/** Placeholder: the booth issue builds the member's presentation QR here. */
export default function PresentRoute() {
  return (
    <section className="page narrow" data-testid="present-placeholder">
      <h1>Present at a booth</h1>
      <p className="muted">
        Soon: show a short-lived, signed QR code that proves to a festival booth that you hold a
        record, and nothing else.
      </p>
      <Link href="/records">Back to my records</Link>
    </section>
  );
}
