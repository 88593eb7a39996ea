import type { ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import Busboy from "busboy";
import {
  importer,
  type ImportCandidate,
  type ImporterProgressEvents,
  type ImportResult,
} from "ipfs-unixfs-importer";
import type { CID } from "multiformats/cid";
import { HttpError } from "../http/http-error.ts";
import { readBoolean, readInteger } from "../http/query.ts";
import { withFramedLeaves } from "../node/framed-leaves.ts";
import {
  KUBO_DEFAULT_CHUNK_SIZE,
  KUBO_MAX_CHUNK_SIZE,
  kuboImporterOptions,
  type KuboImportParameters,
} from "../node/kubo-import-options.ts";
import { pinRecursive } from "../node/pins.ts";
import type { ApiHandler } from "./api-context.ts";
import { AsyncQueue } from "./async-queue.ts";

/** Leaf blocks hashed and written at once per upload (the importer's default is 10). */
const BLOCK_WRITE_CONCURRENCY = 32;

type AddOptions = KuboImportParameters & {
  pin: boolean;
  progress: boolean;
  quieter: boolean;
  silent: boolean;
  onlyHash: boolean;
};

/**
 * POST /api/v0/add: multipart parts (`file`, `file-1`, …) streamed straight into the UnixFS
 * importer with Kubo's options, answered as newline-delimited `{"Name","Hash","Size"}`.
 * Bytes are counted as they arrive; past the limit the request fails with 413 at once.
 */
export const handleAdd: ApiHandler = async (context, req, res, params, signal) => {
  const options = readAddOptions(params);
  const declaredLength = Number(req.headers["content-length"] ?? Number.NaN);
  if (declaredLength > context.maxUploadBytes) throw tooLarge(context.maxUploadBytes);
  if (!(req.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new HttpError(
      400,
      "file argument 'path' is required (expected a multipart/form-data body)",
    );
  }

  const parts = new AsyncQueue<ImportCandidate>();
  let failure: HttpError | undefined;
  let currentPart: Readable | undefined;
  const fail = (error: HttpError): void => {
    if (failure) return;
    failure = error;
    parts.fail(error);
    currentPart?.destroy(error);
  };

  let busboy: Busboy.Busboy;
  try {
    busboy = Busboy({ headers: req.headers, preservePath: true });
  } catch (error) {
    throw new HttpError(400, `malformed multipart request: ${(error as Error).message}`, {
      cause: error,
    });
  }
  busboy.on("file", (_field, stream, info) => {
    let path: string;
    try {
      path = decodeURIComponent(info.filename ?? "");
    } catch {
      path = info.filename ?? "";
    }
    if (info.mimeType === "application/x-directory") {
      stream.resume();
      parts.push({ path });
      return;
    }
    currentPart = stream;
    parts.push({ path, content: stream });
  });
  busboy.on("close", () => parts.end());
  busboy.on("error", (error: Error) =>
    fail(new HttpError(400, `malformed multipart request: ${error.message}`, { cause: error })),
  );

  let received = 0;
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > context.maxUploadBytes) {
      req.unpipe(busboy);
      fail(tooLarge(context.maxUploadBytes));
    }
  });
  req.on("aborted", () => fail(new HttpError(400, "the client aborted the upload")));
  signal.addEventListener("abort", () => fail(new HttpError(400, "the client went away")), {
    once: true,
  });
  req.pipe(busboy);

  const progress = options.progress ? startProgressStream(res) : undefined;
  const results: ImportResult[] = [];
  try {
    const blockstore = options.onlyHash ? hashOnlyBlockstore : context.core.blockstore;
    const importOptions = withFramedLeaves(
      {
        ...kuboImporterOptions(options),
        // it-parallel-batch gathers a whole batch before starting it, and busboy cannot produce
        // the next part before this one is read: any batch size above 1 would wait forever.
        fileImportConcurrency: 1,
        // Leaves are written (and fsynced) in parallel: the disk, not the loop, sets the pace.
        blockWriteConcurrency: BLOCK_WRITE_CONCURRENCY,
        onProgress: progress?.onProgress,
      },
      options.chunkSize ?? KUBO_DEFAULT_CHUNK_SIZE,
      // Both stores copy the bytes out during put: the disk store writes them, hash-only drops them.
      { recycleFrames: true },
    );
    for await (const entry of importer(parts, blockstore, importOptions)) {
      results.push(entry);
    }
    if (failure) throw failure;
    if (results.length === 0) throw new HttpError(400, "file argument 'path' is required");
    if (options.pin && !options.onlyHash) {
      for (const entry of results) {
        if (!(entry.path ?? "").includes("/"))
          await pinRecursive(context.core, entry.cid, { knownComplete: true });
      }
    } else if (!options.onlyHash) {
      await context.core.flush();
    }
  } catch (error) {
    if (failure) {
      // A 413 or broken upload: stop reading the rest (never buffered) and close the connection.
      res.setHeader("Connection", "close");
      req.unpipe(busboy);
      req.resume();
      throw failure;
    }
    throw error;
  }

  const lines = selectOutput(results, options).map(
    (entry) => JSON.stringify(toKuboLine(entry)) + "\n",
  );
  if (progress) {
    progress.finish(lines);
    return;
  }
  const body = lines.join("");
  res.writeHead(200, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "X-Chunked-Output": "1",
  });
  res.end(body);
};

function readAddOptions(params: URLSearchParams): AddOptions {
  const cidVersion = readInteger(params, "cid-version") ?? 0;
  if (cidVersion !== 0 && cidVersion !== 1)
    throw new HttpError(400, `unknown CID version: ${cidVersion}`);
  const hash = params.get("hash");
  if (hash !== null && hash !== "" && hash !== "sha2-256") {
    throw new HttpError(400, `unsupported hash function "${hash}": this node only uses sha2-256`);
  }
  for (const unsupported of ["trickle", "nocopy", "inline", "to-files"]) {
    if (readBoolean(params, unsupported, false))
      throw new HttpError(400, `option "${unsupported}" is not supported by this node`);
  }
  return {
    cidVersion,
    rawLeaves: params.has("raw-leaves") ? readBoolean(params, "raw-leaves", false) : undefined,
    chunkSize: readChunker(params.get("chunker")),
    wrapWithDirectory: readBoolean(params, "wrap-with-directory", false),
    pin: readBoolean(params, "pin", true),
    progress: readBoolean(params, "progress", false),
    quieter: readBoolean(params, "quieter", false),
    silent: readBoolean(params, "silent", false),
    onlyHash: readBoolean(params, "only-hash", false),
  };
}

function readChunker(chunker: string | null): number | undefined {
  if (chunker === null || chunker === "" || chunker === "default") return undefined;
  const match = /^size-(\d+)$/.exec(chunker);
  if (!match)
    throw new HttpError(
      400,
      `unrecognized chunker option: ${chunker} (only size-<bytes> is supported)`,
    );
  const size = Number(match[1]);
  if (size <= 0) throw new HttpError(400, "chunker size must be greater than 0");
  if (size > KUBO_MAX_CHUNK_SIZE) {
    throw new HttpError(
      400,
      `chunker parameters may not exceed the maximum chunk size of ${KUBO_MAX_CHUNK_SIZE}`,
    );
  }
  return size;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(
    413,
    `request body too large: this node accepts at most ${limit} bytes per add`,
  );
}

function selectOutput(results: ImportResult[], options: AddOptions): ImportResult[] {
  if (options.silent) return [];
  if (options.quieter) return results.slice(-1);
  return results;
}

function toKuboLine(entry: ImportResult): { Name: string; Hash: string; Size: string } {
  const hash = entry.cid.toString();
  // Kubo names an unnamed upload after its own CID, and reports the cumulative DAG size as text.
  return { Name: entry.path || hash, Hash: hash, Size: String(entry.size) };
}

/** `{"Name","Bytes"}` lines while importing, as Kubo does with `progress=true`. */
function startProgressStream(res: ServerResponse) {
  const ensureHead = (): void => {
    if (res.headersSent) return;
    res.writeHead(200, {
      "Content-Type": "application/json",
      "X-Chunked-Output": "1",
      Trailer: "X-Stream-Error",
    });
  };
  return {
    onProgress(event: ImporterProgressEvents): void {
      if (event.type !== "unixfs:importer:progress:file:read") return;
      ensureHead();
      res.write(
        JSON.stringify({ Name: event.detail.path ?? "", Bytes: Number(event.detail.bytesRead) }) +
          "\n",
      );
    },
    finish(lines: string[]): void {
      ensureHead();
      for (const line of lines) res.write(line);
      res.end();
    },
  };
}

/** `only-hash`: run the importer for its CIDs and keep no block. */
const hashOnlyBlockstore = {
  async put(cid: CID): Promise<CID> {
    return cid;
  },
};
