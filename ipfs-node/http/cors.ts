import type { IncomingMessage, ServerResponse } from "node:http";

export type CorsPolicy = {
  /** Exact origins (scheme://host:port) that may read responses. */
  allowedOrigins: readonly string[];
  /** Headers a browser may send (preflight `Access-Control-Allow-Headers`). */
  allowHeaders: string;
  allowMethods: string;
  exposeHeaders: string;
};

export type CorsVerdict = "no-origin" | "allowed" | "refused";

/**
 * Adds CORS headers for an allowed `Origin` and tells the caller what it saw. Only listed
 * origins get headers: a wildcard would let any web page drive the node from a member's browser.
 *
 * @example
 * if (applyCors(req, res, policy) === "refused") return sendKuboError(res, 403, "...")
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  policy: CorsPolicy,
): CorsVerdict {
  const origin = req.headers.origin;
  res.setHeader("Vary", "Origin");
  if (origin === undefined) return "no-origin";
  if (!policy.allowedOrigins.includes(origin)) return "refused";
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Access-Control-Expose-Headers", policy.exposeHeaders);
  if (req.method === "OPTIONS") {
    res.setHeader("Access-Control-Allow-Methods", policy.allowMethods);
    res.setHeader("Access-Control-Allow-Headers", policy.allowHeaders);
    res.setHeader("Access-Control-Max-Age", "600");
  }
  return "allowed";
}
