import { type Address, isAddressEqual } from "viem";
import { tokenIdParts } from "#lib/records/tokenId.ts";
import { parseTokenIdParam } from "./format/tokenId.ts";

/** The main navigation's sections, by the path each one opens. */
export const NAV_SECTIONS = ["/", "/records", "/mint", "/shared", "/echoes"] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

/**
 * The section of the main navigation a path belongs to, for its "you are here" highlight.
 * Record pages live under /records/ for owners and grantees alike, but a record someone else
 * minted was reached from "Shared": the owner half of its token id (fixed, tokens never
 * transfer) tells which, without a chain read.
 *
 * @example
 * navSectionOf("/records/42/access", "0xf39F…") // "/records" when 0xf39F… minted token 42
 */
export function navSectionOf(path: string, viewer: Address | undefined): NavSection | undefined {
  if (path === "/") return "/";
  const recordId = recordTokenIdOf(path);
  if (recordId !== undefined && viewer && !isAddressEqual(tokenIdParts(recordId).minter, viewer))
    return "/shared";
  return NAV_SECTIONS.find(
    (section) => section !== "/" && (path === section || path.startsWith(`${section}/`)),
  );
}

const MAX_TOKEN_ID = 1n << 256n;

/** The token id of a /records/:tokenId page or one of its tabs (/update, /access, /story). */
function recordTokenIdOf(path: string): bigint | undefined {
  const [section, tokenIdParam] = path.split("/").filter(Boolean);
  const tokenId = section === "records" ? parseTokenIdParam(tokenIdParam) : undefined;
  // 78 digits can exceed 256 bits, whose owner half no address holds: such a page names no record.
  return tokenId !== undefined && tokenId < MAX_TOKEN_ID ? tokenId : undefined;
}
