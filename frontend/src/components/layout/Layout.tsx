import type { ReactNode } from "react";
import { WalletButton } from "../wallet/WalletButton.tsx";
import { Link } from "../ui/Link.tsx";
import { NavBar } from "./NavBar.tsx";
import { StatusBanner } from "./StatusBanner.tsx";

export function Layout({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/" className="brand" aria-label="Bio-Dental home">
          <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
            <rect width="64" height="64" rx="14" fill="currentColor" />
            <path
              d="M20 14c-6 0-9 5-9 11 0 8 4 12 5 20 1 5 3 8 5 8 3 0 3-6 5-11 1-3 3-4 6-4s5 1 6 4c2 5 2 11 5 11 2 0 4-3 5-8 1-8 5-12 5-20 0-6-3-11-9-11-5 0-7 3-12 3s-7-3-12-3z"
              fill="#fff"
            />
          </svg>
          <span>
            Bio-Dental<small>Oral Harmony Festival</small>
          </span>
        </Link>
        <NavBar />
        <WalletButton />
      </header>
      <StatusBanner />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <p>
          Records are encrypted in your browser before they leave it. The chain and IPFS only ever
          see ciphertext.
        </p>
      </footer>
    </div>
  );
}
