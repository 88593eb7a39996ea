import { EchoesGallery } from "../components/echoes/EchoesGallery.tsx";
import { Link } from "../components/ui/Link.tsx";

export default function EchoesRoute() {
  return (
    <section className="page">
      <header>
        <p className="eyebrow muted">Oral Harmony Festival</p>
        <h1>Emotional Echoes</h1>
        <p className="muted">
          Stories of healing that members chose to share. Each one is public only while its owner
          consents; the records behind them stay encrypted. To add yours, open one of{" "}
          <Link href="/records">your records</Link> and choose “Public story”.
        </p>
      </header>
      <EchoesGallery />
    </section>
  );
}
