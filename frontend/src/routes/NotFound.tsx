import { Link } from "../components/ui/Link.tsx";

export function NotFound() {
  return (
    <section className="page narrow">
      <h1>Nothing here</h1>
      <p>This page does not exist. Perhaps the link was cut short.</p>
      <Link href="/" className="button">
        Back to the start
      </Link>
    </section>
  );
}
