import type { IncomingMessage, ServerResponse } from "node:http";
import type { IpfsNodeCore } from "../node/create-node.ts";

export type ApiContext = {
  core: IpfsNodeCore;
  /** Largest request body accepted by `add`, in bytes. */
  maxUploadBytes: number;
};

export type ApiHandler = (
  context: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
  signal: AbortSignal,
) => Promise<void>;

/** Sends one JSON value the way Kubo does (a single line). */
export function sendJson(
  res: ServerResponse,
  value: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const body = JSON.stringify(value) + "\n";
  res.writeHead(200, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    ...extraHeaders,
  });
  res.end(body);
}
