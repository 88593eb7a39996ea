import type { CID } from "multiformats/cid";
import { HttpError } from "../http/http-error.ts";
import type { StoredPin } from "../store/pin-store.ts";
import { assertDagComplete } from "./assert-dag-complete.ts";
import type { IpfsNodeCore } from "./create-node.ts";

export type PinOptions = {
  /** Skip the completeness walk: the caller has just written every block of this DAG. */
  knownComplete?: boolean;
  signal?: AbortSignal;
};

/**
 * Pins `cid` recursively (idempotent like Kubo). Blocks are made durable first, then the pin,
 * so a pin on disk never references a block that is not.
 *
 * @example
 * await pinRecursive(core, CID.parse("Qm…"))
 */
export async function pinRecursive(
  core: IpfsNodeCore,
  cid: CID,
  options: PinOptions = {},
): Promise<void> {
  if (!options.knownComplete) await assertDagComplete(core.blockstore, cid, options.signal);
  await core.blockstore.flush();
  await core.pins.add(cid);
}

/** Removes a recursive pin; 404 when there is none. */
export async function unpin(core: IpfsNodeCore, cid: CID): Promise<void> {
  if (!(await core.pins.rm(cid)))
    throw new HttpError(404, `not pinned or pinned indirectly: ${cid}`);
}

/** One pin, reported as it was pinned (v0 stays v0), or a 404 when `cid` is not pinned. */
export async function getPin(core: IpfsNodeCore, cid: CID): Promise<StoredPin> {
  const pin = await core.pins.get(cid);
  if (!pin) throw new HttpError(404, `path '${cid}' is not pinned`);
  return pin;
}

/** Every recursive pin. */
export function listPins(core: IpfsNodeCore): AsyncGenerator<StoredPin> {
  return core.pins.ls();
}
