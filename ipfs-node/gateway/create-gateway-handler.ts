import type { IncomingMessage, ServerResponse } from "node:http";
import { writeChunk } from "../api/cat.ts";
import { applyCors, type CorsPolicy } from "../http/cors.ts";
import { HttpError } from "../http/http-error.ts";
import { parseCidPath } from "../http/query.ts";
import { sendKuboError } from "../http/send-kubo-error.ts";
import type { IpfsNodeCore } from "../node/create-node.ts";
import { openFile } from "../node/open-file.ts";
import { parseRange } from "./parse-range.ts";

/** Content under a CID never changes: a year of caching is what public gateways send too. */
const IMMUTABLE = "public, max-age=29030400, immutable";

export type GatewayHandlerOptions = {
  core: IpfsNodeCore;
  allowedOrigins: readonly string[];
  onError?: (error: unknown) => void;
};

/**
 * Read-only path gateway: GET/HEAD `/ipfs/<cid>[/<path>]` with Range, a strong ETag and
 * immutable caching. It never writes and never fetches from elsewhere.
 *
 * @example
 * http.createServer(createGatewayHandler({ core, allowedOrigins: [] }))
 */
export function createGatewayHandler(options: GatewayHandlerOptions) {
  const policy: CorsPolicy = {
    allowedOrigins: options.allowedOrigins,
    allowMethods: "GET, HEAD, OPTIONS",
    allowHeaders: "Range, If-None-Match",
    exposeHeaders: "Content-Range, Content-Length, ETag, X-Ipfs-Path, Accept-Ranges",
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      // A refused origin still gets the (public, encrypted) bytes, just no CORS headers to read them.
      applyCors(req, res, policy);
      if (req.method === "OPTIONS") {
        res.writeHead(204).end();
        return;
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("Allow", "GET, HEAD, OPTIONS");
        throw new HttpError(405, `method ${req.method} not allowed: the gateway is read-only`);
      }
      const url = new URL(req.url ?? "/", "http://localhost");
      if (!url.pathname.startsWith("/ipfs/"))
        throw new HttpError(404, `not found: ${url.pathname}`);
      const { cid, path } = parseCidPath(decodeURIComponent(url.pathname));
      const etag = `"${cid}"`;
      const common = {
        ETag: etag,
        "Cache-Control": IMMUTABLE,
        "X-Ipfs-Path": url.pathname,
        "Accept-Ranges": "bytes",
        "X-Content-Type-Options": "nosniff",
      };
      // The bytes behind a CID never change, so a matching ETag needs no block read at all.
      if (path === undefined && matchesEtag(req.headers["if-none-match"], etag)) {
        res.writeHead(304, common).end();
        return;
      }
      const file = await openFile(options.core, cid, path, controller.signal);
      const range = parseRange(req.headers.range, file.size);
      if (range === "unsatisfiable") {
        res.writeHead(416, { ...common, "Content-Range": `bytes */${file.size}` }).end();
        return;
      }
      const start = range?.start ?? 0;
      const length = range ? range.end - range.start + 1 : file.size;
      res.writeHead(range ? 206 : 200, {
        ...common,
        // The payloads are ciphertext; no sniffing, no rendering.
        "Content-Type": "application/octet-stream",
        "Content-Length": String(length),
        ...(range ? { "Content-Range": `bytes ${range.start}-${range.end}/${file.size}` } : {}),
      });
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      for await (const chunk of file.read(start, length, controller.signal))
        await writeChunk(res, chunk);
      res.end();
    } catch (error) {
      if (res.headersSent) {
        // Mid-body failure: cut the connection so the client sees a short read, not a silent truncation.
        res.destroy(error instanceof Error ? error : undefined);
        return;
      }
      if (error instanceof HttpError) {
        sendKuboError(res, error.status, error.message);
      } else {
        options.onError?.(error);
        sendKuboError(res, 500, error instanceof Error ? error.message : String(error));
      }
    }
  };
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(",").some((candidate) => {
    const value = candidate.trim().replace(/^W\//, "");
    return value === etag || value === "*";
  });
}
