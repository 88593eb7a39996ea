import type { ServerResponse } from "node:http";

/**
 * Answers with an error body shaped exactly like Kubo's (`cmds.Error`): kubo-rpc-client and
 * ipfs-http-client read `Message` from it, so clients show our text unchanged.
 *
 * @example
 * sendKuboError(res, 400, "argument \"key\" is required")
 */
export function sendKuboError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    // Mid-stream: the status is gone, so Kubo's trailer convention is the only channel left.
    if (!res.writableEnded) {
      res.addTrailers({ "X-Stream-Error": message });
      res.end();
    }
    return;
  }
  // Kubo answers argument errors with cmds.ErrClient (Code 1) and everything else with ErrNormal (0).
  const code = status === 400 ? 1 : 0;
  const body = JSON.stringify({ Message: message, Code: code, Type: "error" }) + "\n";
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}
