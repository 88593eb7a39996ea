import { useConnection } from "wagmi";
import { type NavSection, navSectionOf } from "../../lib/navSection.ts";
import { usePath } from "../../lib/router.ts";
import { Link } from "../ui/Link.tsx";

const ITEMS: readonly { href: NavSection; label: string; icon: string }[] = [
  { href: "/", label: "Home", icon: "⌂" },
  { href: "/records", label: "My records", icon: "▤" },
  { href: "/mint", label: "New", icon: "+" },
  { href: "/shared", label: "Shared", icon: "⇄" },
  { href: "/echoes", label: "Echoes", icon: "♪" },
];

/** Bottom tab bar on phones, a row in the header on wider screens (CSS decides). */
export function NavBar() {
  const path = usePath();
  const connection = useConnection();
  // A record shared with the viewer highlights "Shared", though its pages live under /records/.
  const section = navSectionOf(path, connection.address);
  return (
    <nav className="navbar" aria-label="Main">
      <ul>
        {ITEMS.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === section ? "page" : undefined}
              data-testid={`nav-${item.href === "/" ? "home" : item.href.slice(1)}`}
            >
              <span className="nav-icon" aria-hidden="true">
                {item.icon}
              </span>
              <span className="nav-label">{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
