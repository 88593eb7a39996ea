import type { IncomingMessage, ServerResponse } from "node:http";
import { hasBearerToken } from "../http/check-bearer-token.ts";
import { applyCors, type CorsPolicy } from "../http/cors.ts";
import { HttpError } from "../http/http-error.ts";
import { sendKuboError } from "../http/send-kubo-error.ts";
import { handleAdd } from "./add.ts";
import type { ApiContext, ApiHandler } from "./api-context.ts";
import { handleCat } from "./cat.ts";
import { handleId, handleVersion } from "./id-version.ts";
import { handlePinAdd, handlePinLs, handlePinRm } from "./pin.ts";

const ROUTES: Record<string, ApiHandler> = {
  "/api/v0/add": handleAdd,
  "/api/v0/cat": handleCat,
  "/api/v0/pin/add": handlePinAdd,
  "/api/v0/pin/rm": handlePinRm,
  "/api/v0/pin/ls": handlePinLs,
  "/api/v0/id": handleId,
  "/api/v0/version": handleVersion,
};

const API_CORS: Omit<CorsPolicy, "allowedOrigins"> = {
  allowMethods: "POST, OPTIONS",
  allowHeaders: "Authorization, Content-Type, X-Requested-With, Range, User-Agent",
  exposeHeaders:
    "X-Stream-Output, X-Chunked-Output, X-Content-Length, X-Stream-Error, Content-Length",
};

export type ApiHandlerOptions = ApiContext & {
  allowedOrigins: readonly string[];
  /** When set, every request except a CORS preflight must carry `Authorization: Bearer <token>`. */
  apiToken: string | undefined;
  onError?: (error: unknown) => void;
};

/**
 * The Kubo RPC subset as a `node:http` request listener. Like Kubo it only accepts POST (a GET
 * would let any `<img src>` on any site trigger commands) and refuses foreign browser origins.
 *
 * @example
 * http.createServer(createApiHandler({ core, maxUploadBytes, allowedOrigins, apiToken }))
 */
export function createApiHandler(options: ApiHandlerOptions) {
  const policy: CorsPolicy = { ...API_CORS, allowedOrigins: options.allowedOrigins };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (applyCors(req, res, policy) === "refused") {
        throw new HttpError(
          403,
          `origin ${req.headers.origin} is not allowed to use this node's API`,
        );
      }
      if (req.method === "OPTIONS") {
        res.writeHead(204).end();
        return;
      }
      if (options.apiToken !== undefined && !hasBearerToken(req, options.apiToken)) {
        res.setHeader("WWW-Authenticate", 'Bearer realm="ipfs-api"');
        throw new HttpError(401, "missing or invalid bearer token");
      }
      const handler = ROUTES[url.pathname.replace(/\/+$/, "")];
      if (!handler) throw new HttpError(404, `command not found: ${url.pathname}`);
      if (req.method !== "POST") {
        res.setHeader("Allow", "POST");
        throw new HttpError(405, `method ${req.method} not allowed: the RPC API only accepts POST`);
      }
      await handler(options, req, res, url.searchParams, controller.signal);
    } catch (error) {
      if (error instanceof HttpError) {
        sendKuboError(res, error.status, error.message);
      } else {
        options.onError?.(error);
        sendKuboError(res, 500, error instanceof Error ? error.message : String(error));
      }
    } finally {
      // Anything the handler did not read (e.g. an unused body) is discarded, never buffered.
      if (!req.complete) req.resume();
    }
  };
}
