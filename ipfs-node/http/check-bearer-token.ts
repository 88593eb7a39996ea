import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * True when the request carries `Authorization: Bearer <token>`. Both sides are hashed first so
 * the comparison is constant-time whatever the lengths.
 *
 * @example
 * if (!hasBearerToken(req, "s3cret")) throw new HttpError(401, "...")
 */
export function hasBearerToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return false;
  const given = createHash("sha256").update(match[1]!).digest();
  const expected = createHash("sha256").update(token).digest();
  return timingSafeEqual(given, expected);
}
