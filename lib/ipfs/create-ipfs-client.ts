import { create, type KuboRPCClient } from "kubo-rpc-client";
import { parseCid } from "./cid.ts";
import { streamAdd, streamsUploadsItself } from "./stream-add.ts";
import { toIpfsError } from "./to-ipfs-error.ts";

export type CreateIpfsClientParameters = {
  /** Kubo RPC base URL, e.g. `http://127.0.0.1:5001` (the embedded node) or a remote Kubo. */
  rpcUrl: string;
  /** Sent as `Authorization: Bearer <token>` on every RPC call. */
  authToken?: string | undefined;
  /** Base of the read-only gateway, e.g. `http://127.0.0.1:8080`. Default: `https://ipfs.io`. */
  gatewayUrl?: string | undefined;
};

export type AddOptions = {
  /** Called with the number of bytes handed to the upload so far. */
  onProgress?: ((bytesDone: number) => void) | undefined;
  /** Pin the result (default true: an unpinned record could be garbage-collected). */
  pin?: boolean | undefined;
  /** 0 (Kubo's default, `Qm…`) or 1 (`bafk…`/`bafy…` with raw leaves). */
  cidVersion?: 0 | 1 | undefined;
  signal?: AbortSignal | undefined;
};

export type AddResult = { cid: string; size: number };

export type CatOptions = {
  offset?: number | undefined;
  length?: number | undefined;
  signal?: AbortSignal | undefined;
};

export type IpfsClient = {
  addBytes(bytes: Uint8Array, options?: AddOptions): Promise<AddResult>;
  addStream(
    source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
    options?: AddOptions,
  ): Promise<AddResult>;
  cat(cid: string, options?: CatOptions): AsyncIterable<Uint8Array>;
  pin(cid: string, options?: { signal?: AbortSignal | undefined }): Promise<void>;
  unpin(cid: string, options?: { signal?: AbortSignal | undefined }): Promise<void>;
  isPinned(cid: string, options?: { signal?: AbortSignal | undefined }): Promise<boolean>;
  /**
   * Those of `cids` pinned recursively on the node, in their given spelling, from one listing of
   * its pins: asking about each one (`isPinned`) would answer every unpinned one with an HTTP
   * error, which browsers log in the console.
   */
  pinnedAmong(cids: string[], options?: { signal?: AbortSignal | undefined }): Promise<string[]>;
  gatewayUrl(cid: string): string;
  /** The underlying kubo-rpc-client, for anything not wrapped here. */
  readonly rpc: KuboRPCClient;
};

/**
 * A typed wrapper over kubo-rpc-client that works in the browser and in Node, against the
 * embedded node or any Kubo. Errors come out as IpfsNodeUnreachableError, IpfsNotFoundError,
 * MalformedCidError, UploadTooLargeError or IpfsRequestError.
 *
 * @example
 * const ipfs = createIpfsClient({ rpcUrl: "http://127.0.0.1:5001", gatewayUrl: "http://127.0.0.1:8080" })
 * const { cid } = await ipfs.addBytes(ciphertext, { onProgress: (done) => bar.update(done) })
 * for await (const chunk of ipfs.cat(cid)) …
 */
export function createIpfsClient(parameters: CreateIpfsClientParameters): IpfsClient {
  const url = parameters.rpcUrl;
  const headers: Record<string, string> = parameters.authToken
    ? { authorization: `Bearer ${parameters.authToken}` }
    : {};
  const rpc = create({ url, headers });
  const gatewayBase = (parameters.gatewayUrl ?? "https://ipfs.io").replace(/\/+$/, "");

  async function add(
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    options: AddOptions = {},
  ): Promise<AddResult> {
    const counted = countProgress(source, options.onProgress);
    const pin = options.pin ?? true;
    const cidVersion = options.cidVersion ?? 0;
    try {
      // In Node, kubo-rpc-client would keep a copy of the whole upload in memory (stream-add.ts).
      if (streamsUploadsItself)
        return await streamAdd({
          url,
          headers,
          source: counted,
          pin,
          cidVersion,
          signal: options.signal,
        });
      const result = await rpc.add(counted, { pin, cidVersion, signal: options.signal });
      return { cid: result.cid.toString(), size: result.size };
    } catch (error) {
      throw toIpfsError(error, { url });
    }
  }

  return {
    rpc,
    addBytes(bytes, options) {
      return add(sliceBytes(bytes), options);
    },
    addStream(source, options) {
      return add(isReadableStream(source) ? readStream(source) : source, options);
    },
    async *cat(cid, options = {}) {
      const parsed = parseCid(cid);
      try {
        yield* rpc.cat(parsed, {
          offset: options.offset,
          length: options.length,
          signal: options.signal,
        });
      } catch (error) {
        throw toIpfsError(error, { url, cid });
      }
    },
    async pin(cid, options = {}) {
      const parsed = parseCid(cid);
      try {
        await rpc.pin.add(parsed, { signal: options.signal });
      } catch (error) {
        throw toIpfsError(error, { url, cid });
      }
    },
    async unpin(cid, options = {}) {
      const parsed = parseCid(cid);
      try {
        await rpc.pin.rm(parsed, { signal: options.signal });
      } catch (error) {
        if (/not pinned/i.test(error instanceof Error ? error.message : "")) return;
        throw toIpfsError(error, { url, cid });
      }
    },
    async isPinned(cid, options = {}) {
      const parsed = parseCid(cid);
      try {
        for await (const _ of rpc.pin.ls({ paths: [parsed], signal: options.signal })) return true;
        return false;
      } catch (error) {
        if (/not pinned/i.test(error instanceof Error ? error.message : "")) return false;
        throw toIpfsError(error, { url, cid });
      }
    },
    async pinnedAmong(cids, options = {}) {
      // v0 and v1 spellings of one DAG share codec and multihash: compare in v1.
      const inV1 = (cid: string) => parseCid(cid).toV1().toString();
      const wanted = new Set(cids.map(inV1));
      const pinned = new Set<string>();
      if (wanted.size === 0) return [];
      try {
        for await (const pin of rpc.pin.ls({ type: "recursive", signal: options.signal })) {
          const key = pin.cid.toV1().toString();
          if (wanted.has(key)) pinned.add(key);
        }
      } catch (error) {
        throw toIpfsError(error, { url });
      }
      return cids.filter((cid) => pinned.has(inV1(cid)));
    },
    gatewayUrl(cid) {
      return `${gatewayBase}/ipfs/${parseCid(cid).toString()}`;
    },
  };
}

/** 1 MiB pieces: large enough to keep per-chunk overhead low, small enough to stream. */
const UPLOAD_PIECE = 1024 * 1024;

function* sliceBytes(bytes: Uint8Array): Generator<Uint8Array> {
  if (bytes.length === 0) yield bytes;
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_PIECE)
    yield bytes.subarray(offset, offset + UPLOAD_PIECE);
}

/** Progress = bytes the HTTP client has pulled from the source (works in browsers and Node). */
async function* countProgress(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onProgress: ((bytesDone: number) => void) | undefined,
): AsyncGenerator<Uint8Array> {
  let done = 0;
  for await (const chunk of source) {
    yield chunk;
    done += chunk.length;
    onProgress?.(done);
  }
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof (value as ReadableStream | undefined)?.getReader === "function";
}

async function* readStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
