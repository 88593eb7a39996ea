import { useSyncExternalStore } from "react";

/**
 * A tiny history-API router: the app has a dozen routes and no nested layouts, so a dependency
 * would cost more bytes than it saves. Paths are real URLs (`/verify#bdp1.…` must open the
 * verifier from any phone camera), and Vite serves index.html for each of them.
 */
const NAVIGATE_EVENT = "biodental:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getPath = (): string => window.location.pathname;

/** The current path, re-rendering on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, getPath, () => "/");
}

/**
 * Goes to `to` without a reload.
 *
 * @example
 * navigate(`/records/${tokenId}`)
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo?.(0, 0);
}

export type RouteMatch = { params: Record<string, string> };

/**
 * Matches `path` against a pattern with `:name` segments.
 *
 * @example
 * matchPath("/records/:tokenId", "/records/42") // { params: { tokenId: "42" } }
 */
export function matchPath(pattern: string, path: string): RouteMatch | undefined {
  const patternParts = pattern.split("/").filter(Boolean);
  const pathParts = path.replace(/\/+$/, "").split("/").filter(Boolean);
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i++) {
    const expected = patternParts[i] as string;
    const actual = pathParts[i] as string;
    if (expected.startsWith(":")) params[expected.slice(1)] = decodeURIComponent(actual);
    else if (expected !== actual) return undefined;
  }
  return { params };
}
