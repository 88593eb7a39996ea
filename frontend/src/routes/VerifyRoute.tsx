import { Link } from "../components/ui/Link.tsx";

/** Placeholder: the booth issue builds the kiosk verifier here (it also opens `/verify#bdp1.…`). */
export default function VerifyRoute() {
  return (
    <section className="page narrow" data-testid="verify-placeholder">
      <h1>Verify a presentation</h1>
      <p className="muted">
        Soon: festival booths scan a member's QR code here and see a green or red verdict.
      </p>
      <Link href="/">Home</Link>
    </section>
  );
}
