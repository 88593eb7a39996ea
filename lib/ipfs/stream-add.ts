/**
 * `POST /api/v0/add` with a streamed multipart body, for Node only.
 *
 * kubo-rpc-client sends its upload through Node's `fetch` with the default redirect mode, and
 * then undici tees the request body so that it could replay it after a redirect. The branch kept
 * for that replay is never read, so it holds every byte until the upload ends: a 300 MiB
 * attachment costs 300 MiB of RAM and about twice the CPU. kubo-rpc-client has no option to
 * change this, so in Node the client sends the same request itself, with `redirect: "error"`
 * (an RPC API never redirects), and memory stays flat whatever the size. Browsers keep using
 * kubo-rpc-client: they cannot stream an upload over HTTP/1.1 anyway.
 */

export type StreamAddParameters = {
  /** Kubo RPC base URL, e.g. `http://127.0.0.1:5001`. */
  url: string;
  headers: Record<string, string>;
  source: AsyncIterable<Uint8Array>;
  pin: boolean;
  cidVersion: 0 | 1;
  signal?: AbortSignal | undefined;
};

/** Thrown for a non-2xx answer, shaped like kubo-rpc-client's HTTPError for `toIpfsError`. */
type RpcHttpError = Error & { response: { status: number } };

/** Whether this runtime is Node, where kubo-rpc-client would hold the upload in memory. */
export const streamsUploadsItself =
  typeof process !== "undefined" && typeof process.versions?.node === "string";

/**
 * Adds one file from `source` and returns its root as Kubo reports it.
 *
 * @example
 * const { cid, size } = await streamAdd({ url, headers: {}, source, pin: true, cidVersion: 0 })
 */
export async function streamAdd(
  parameters: StreamAddParameters,
): Promise<{ cid: string; size: number }> {
  const boundary = `----bio-dental-${crypto.randomUUID()}`;
  const query = new URLSearchParams({
    "stream-channels": "true",
    pin: String(parameters.pin),
    "cid-version": String(parameters.cidVersion),
    progress: "false",
  });
  const init = {
    method: "POST",
    headers: {
      ...parameters.headers,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    body: multipartBody(boundary, parameters.source),
    duplex: "half",
    // Together these make undici send the body as it comes instead of keeping a copy to replay.
    redirect: "error",
    window: null,
    signal: parameters.signal,
  } as RequestInit;
  const response = await fetch(`${parameters.url.replace(/\/+$/, "")}/api/v0/add?${query}`, init);
  const text = await response.text();
  const lines = text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => parseLine(line, response.status));
  const failure = lines.find((line) => line.Type === "error");
  if (!response.ok || failure) {
    throw httpError(
      failure?.Message ?? `${response.status} ${response.statusText}`,
      response.status,
    );
  }
  const root = lines.findLast((line) => typeof line.Hash === "string");
  if (!root) throw httpError("the node answered the upload without a CID", response.status);
  return { cid: root.Hash!, size: Number(root.Size) };
}

type KuboLine = { Name?: string; Hash?: string; Size?: string; Message?: string; Type?: string };

function parseLine(line: string, status: number): KuboLine {
  try {
    return JSON.parse(line) as KuboLine;
  } catch {
    throw httpError(line, status);
  }
}

function httpError(message: string, status: number): RpcHttpError {
  return Object.assign(new Error(message), { response: { status } });
}

/** One `file` part, as kubo-rpc-client would send it, streamed from `source`. */
function multipartBody(boundary: string, source: AsyncIterable<Uint8Array>): ReadableStream {
  const encoder = new TextEncoder();
  async function* parts(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=""\r\n` +
        "Content-Type: application/octet-stream\r\n\r\n",
    );
    yield* source;
    yield encoder.encode(`\r\n--${boundary}--\r\n`);
  }
  const iterator = parts();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}
