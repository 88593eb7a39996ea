import type { CID } from "multiformats/cid";
import { HttpError } from "../http/http-error.ts";
import { parseCidPath, readBoolean } from "../http/query.ts";
import { getPin, listPins, pinRecursive, unpin } from "../node/pins.ts";
import type { StoredPin } from "../store/pin-store.ts";
import { sendJson, type ApiHandler } from "./api-context.ts";

function readCidArgs(params: URLSearchParams, required: boolean): CID[] {
  const args = params.getAll("arg").filter((arg) => arg !== "");
  if (required && args.length === 0) throw new HttpError(400, 'argument "ipfs-path" is required');
  return args.map((arg) => {
    const { cid, path } = parseCidPath(arg);
    if (path !== undefined)
      throw new HttpError(400, `pinning a path inside a DAG is not supported: ${arg}`);
    return cid;
  });
}

function refuseDirectPins(params: URLSearchParams): void {
  if (!readBoolean(params, "recursive", true)) {
    throw new HttpError(400, "only recursive pins are supported by this node");
  }
}

/** POST /api/v0/pin/add?arg=<cid>: `{"Pins":["<cid>"]}`. */
export const handlePinAdd: ApiHandler = async (context, _req, res, params, signal) => {
  refuseDirectPins(params);
  const cids = readCidArgs(params, true);
  for (const cid of cids) await pinRecursive(context.core, cid, { signal });
  sendJson(res, { Pins: cids.map(String) });
};

/** POST /api/v0/pin/rm?arg=<cid>: `{"Pins":["<cid>"]}`. */
export const handlePinRm: ApiHandler = async (context, _req, res, params) => {
  const cids = readCidArgs(params, true);
  for (const cid of cids) await unpin(context.core, cid);
  sendJson(res, { Pins: cids.map(String) });
};

/**
 * POST /api/v0/pin/ls[?arg=<cid>][&stream=true]: Kubo's `{"Keys":{…}}` object, or one
 * `{"Cid","Type"}` line per pin when streaming. Only recursive pins exist here, so asking for
 * `type=direct` or `type=indirect` lists nothing.
 */
export const handlePinLs: ApiHandler = async (context, _req, res, params) => {
  const type = params.get("type") ?? "all";
  if (!["all", "recursive", "direct", "indirect"].includes(type)) {
    throw new HttpError(
      400,
      `invalid type '${type}', must be one of {direct, indirect, recursive, all}`,
    );
  }
  const cids = readCidArgs(params, false);
  const pins: StoredPin[] = [];
  if (type === "all" || type === "recursive") {
    if (cids.length > 0) {
      for (const cid of cids) pins.push(await getPin(context.core, cid));
    } else {
      for await (const pin of listPins(context.core)) pins.push(pin);
    }
  }
  if (readBoolean(params, "stream", false)) {
    const body = pins
      .map((pin) => JSON.stringify({ Cid: pin.cid, Name: "", Type: pin.type }) + "\n")
      .join("");
    res.writeHead(200, {
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(body),
      "X-Chunked-Output": "1",
    });
    res.end(body);
    return;
  }
  const keys: Record<string, { Type: string }> = {};
  for (const pin of pins) keys[pin.cid] = { Type: pin.type };
  sendJson(res, { Keys: keys });
};
