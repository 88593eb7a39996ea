import { usePath } from "../../lib/router.ts";
import { Link } from "../ui/Link.tsx";

const ITEMS = [
  { href: "/", label: "Home", icon: "⌂" },
  { href: "/records", label: "My records", icon: "▤" },
  { href: "/mint", label: "New", icon: "+" },
  { href: "/shared", label: "Shared", icon: "⇄" },
  { href: "/echoes", label: "Echoes", icon: "♪" },
] as const;

/** Bottom tab bar on phones, a row in the header on wider screens (CSS decides). */
export function NavBar() {
  const path = usePath();
  return (
    <nav className="navbar" aria-label="Main">
      <ul>
        {ITEMS.map((item) => {
          const current =
            item.href === "/"
              ? path === "/"
              : path === item.href || path.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                data-testid={`nav-${item.href === "/" ? "home" : item.href.slice(1)}`}
              >
                <span className="nav-icon" aria-hidden="true">
                  {item.icon}
                </span>
                <span className="nav-label">{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
