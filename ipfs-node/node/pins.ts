import type { CID } from "multiformats/cid";
import { HttpError } from "../http/http-error.ts";
import type { IpfsNodeCore } from "./create-node.ts";
import { asNotFound } from "./not-found.ts";

/** Helia keys pins by CIDv1; the CID as the caller wrote it is kept here for `pin/ls`. */
const ORIGINAL_CID = "originalCid";

export type PinEntry = { cid: string; type: "recursive" };

/**
 * Pins `cid` recursively (idempotent like Kubo) and makes the pin durable before returning.
 *
 * @example
 * await pinRecursive(core, CID.parse("Qm…"))
 */
export async function pinRecursive(core: IpfsNodeCore, cid: CID, signal?: AbortSignal): Promise<void> {
  // Blocks reach the disk before the pin that references them.
  await core.blockstore.flush();
  try {
    for await (const _ of core.helia.pins.add(cid, { metadata: { [ORIGINAL_CID]: cid.toString() }, offline: true, signal })) {
      // Draining the generator performs the walk.
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === "AlreadyPinnedError")) throw asNotFound(error, cid.toString());
  }
  await core.datastore.flush();
}

/** Removes a recursive pin; 404-style error when there is none. */
export async function unpin(core: IpfsNodeCore, cid: CID, signal?: AbortSignal): Promise<void> {
  try {
    for await (const _ of core.helia.pins.rm(cid, { offline: true, signal })) {
      // Draining the generator releases every block of the DAG.
    }
  } catch (error) {
    if (error instanceof Error && error.name === "NotFoundError") {
      throw new HttpError(404, `not pinned or pinned indirectly: ${cid}`, { cause: error });
    }
    throw error;
  }
  await core.datastore.flush();
}

/** One pin, reported as it was pinned (v0 stays v0), or an error when `cid` is not pinned. */
export async function getPin(core: IpfsNodeCore, cid: CID): Promise<PinEntry> {
  try {
    const pin = await core.helia.pins.get(cid);
    return { cid: originalOf(pin.metadata, cid), type: "recursive" };
  } catch (error) {
    if (error instanceof Error && error.name === "NotFoundError") {
      throw new HttpError(404, `path '${cid}' is not pinned`, { cause: error });
    }
    throw error;
  }
}

/** Every recursive pin. */
export async function* listPins(core: IpfsNodeCore, signal?: AbortSignal): AsyncGenerator<PinEntry> {
  for await (const pin of core.helia.pins.ls({ signal })) {
    yield { cid: originalOf(pin.metadata, pin.cid), type: "recursive" };
  }
}

function originalOf(metadata: Record<string, string | number | boolean>, cid: CID): string {
  const original = metadata[ORIGINAL_CID];
  return typeof original === "string" ? original : cid.toString();
}
