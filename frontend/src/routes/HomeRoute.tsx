import { useState } from "react";
import { useConnection } from "wagmi";
import { EchoesGallery } from "../components/echoes/EchoesGallery.tsx";
import { MemberSummary } from "../components/records/MemberSummary.tsx";
import { Link } from "../components/ui/Link.tsx";
import { ConnectDialog } from "../components/wallet/ConnectDialog.tsx";

const ICONS = {
  lock: "M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1zm2 0h6V7a3 3 0 0 0-6 0v3z",
  tooth:
    "M8 3c-3 0-5 2.5-5 6 0 4 2 6 2.5 10 .3 2 1 3 2 3 1.5 0 1.5-3 2.5-5.5.5-1.3 1.3-1.8 2-1.8s1.5.5 2 1.8C15 19 15 22 16.5 22c1 0 1.7-1 2-3 .5-4 2.5-6 2.5-10 0-3.5-2-6-5-6-2.4 0-3.3 1.4-4 1.4S10.4 3 8 3z",
  hands: "M12 21s-7-4.4-9.3-9A5 5 0 0 1 12 6a5 5 0 0 1 9.3 6c-2.3 4.6-9.3 9-9.3 9z",
} as const;

const FEATURES = [
  {
    icon: "lock",
    title: "Encrypted in your browser",
    text: "Your record is sealed on this device before it goes anywhere. The chain, IPFS and festival booths only ever hold ciphertext.",
  },
  {
    icon: "tooth",
    title: "Yours, and not for sale",
    text: "Each record is a token bound to your wallet. It cannot be transferred or sold; only you can update or erase it.",
  },
  {
    icon: "hands",
    title: "Shared on your terms",
    text: "Let a practitioner read a record until a date you pick. Revoke at any time: the next version is re-encrypted without them.",
  },
] as const;

export default function HomeRoute() {
  const connection = useConnection();
  const [connectOpen, setConnectOpen] = useState(false);
  const connected = connection.status === "connected";

  return (
    <div className="page">
      <section className="hero" aria-labelledby="hero-title">
        <p className="eyebrow">Oral Harmony Festival · Smilencer</p>
        <h1 id="hero-title">Your smile's story, yours to keep.</h1>
        <p>
          Bio-Dental keeps your oral-wellness records as tokens only you own, encrypted end to end,
          and lets you share a story with the community when you want to.
        </p>
        <div className="actions">
          {connected ? (
            <>
              <Link href="/mint" className="button" data-testid="cta-mint">
                Create a record
              </Link>
              <Link href="/records" className="button secondary">
                My records
              </Link>
            </>
          ) : (
            <>
              <button
                type="button"
                className="button"
                data-testid="cta-connect"
                onClick={() => setConnectOpen(true)}
              >
                Connect a wallet
              </button>
              <Link href="/echoes" className="button secondary">
                Read the Echoes
              </Link>
            </>
          )}
        </div>
      </section>
      <ConnectDialog open={connectOpen} onClose={() => setConnectOpen(false)} />

      {connected ? <MemberSummary /> : null}

      <section aria-labelledby="what-title" className="card">
        <h2 id="what-title">What this is</h2>
        <ul className="features grid three">
          {FEATURES.map((feature) => (
            <li key={feature.title}>
              <span className="feature-icon" aria-hidden="true">
                <svg viewBox="0 0 24 24" width="22" height="22">
                  <path d={ICONS[feature.icon]} fill="currentColor" />
                </svg>
              </span>
              <div>
                <h3>{feature.title}</h3>
                <p className="muted">{feature.text}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="echoes-title">
        <div className="row" style={{ alignItems: "baseline" }}>
          <h2 id="echoes-title">Emotional Echoes</h2>
          <Link href="/echoes" style={{ flex: "none" }}>
            See all
          </Link>
        </div>
        <p className="muted">
          After the festival, Dr. Liora Voss and her team invited everyone to share their healing
          journeys. These are the stories members chose to make public.
        </p>
        <EchoesGallery limit={3} />
      </section>

      {!connected ? (
        <section aria-labelledby="how-title" className="card">
          <h2 id="how-title">How to connect</h2>
          <ol className="how-to">
            <li>
              Install a wallet such as MetaMask or Rabby, or open this page inside your phone
              wallet's browser.
            </li>
            <li>
              Press “Connect a wallet” and pick it from the list: wallets announce themselves to the
              page.
            </li>
            <li>
              Sign one message to create your encryption key. It costs nothing; it lets only you
              open your records.
            </li>
            <li>
              Create your first record. On the festival's local test network, the “Dev wallet” needs
              no installation.
            </li>
          </ol>
        </section>
      ) : null}
    </div>
  );
}
