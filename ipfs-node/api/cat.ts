import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { HttpError } from "../http/http-error.ts";
import { parseCidPath, readInteger, requireArg } from "../http/query.ts";
import { openFile } from "../node/open-file.ts";
import type { ApiHandler } from "./api-context.ts";

/**
 * POST /api/v0/cat?arg=<cid>[&offset=&length=]: the file's bytes, streamed with backpressure.
 * The first chunk is read before the headers go out so a missing block is still a clean error.
 */
export const handleCat: ApiHandler = async (context, _req, res, params, signal) => {
  const { cid, path } = parseCidPath(requireArg(params, "ipfs-path"));
  const file = await openFile(context.core, cid, path, signal);
  const offset = Math.min(readInteger(params, "offset") ?? 0, file.size);
  const length = Math.min(readInteger(params, "length") ?? file.size - offset, file.size - offset);

  const chunks = file.read(offset, length, signal);
  const first = await chunks.next();
  res.writeHead(200, {
    "Content-Type": "text/plain",
    "X-Stream-Output": "1",
    "X-Content-Length": String(length),
    Trailer: "X-Stream-Error",
  });
  if (!first.done) await writeChunk(res, first.value);
  for await (const chunk of chunks) await writeChunk(res, chunk);
  res.end();
};

/** Writes one chunk and waits for the socket to drain when its buffer is full. */
export async function writeChunk(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  if (res.destroyed) throw new HttpError(499, "the client went away");
  if (!res.write(chunk)) await once(res, "drain");
}
