import * as dagPb from "@ipld/dag-pb";
import type { CID } from "multiformats/cid";
import { HttpError } from "../http/http-error.ts";
import type { DurableFsBlockstore } from "../store/durable-fs-blockstore.ts";

const RAW = 0x55;
const IDENTITY = 0x00;

/**
 * Checks that every block of the DAG under `root` is on disk, which is what a recursive pin
 * promises. Raw leaves are only checked for presence; dag-pb nodes are read for their links.
 * Fails fast with a 404 on the first missing block (the node is offline: nothing will arrive).
 *
 * @example
 * await assertDagComplete(core.blockstore, cid)
 */
export async function assertDagComplete(
  blockstore: DurableFsBlockstore,
  root: CID,
  signal?: AbortSignal,
): Promise<void> {
  const stack: CID[] = [root];
  while (stack.length > 0) {
    signal?.throwIfAborted();
    const cid = stack.pop()!;
    if (cid.multihash.code === IDENTITY) continue;
    if (cid.code === RAW) {
      if (!(await blockstore.has(cid))) throw missing(cid);
      continue;
    }
    if (cid.code !== dagPb.code)
      throw new HttpError(400, `cannot pin ${cid}: only dag-pb and raw blocks are supported`);
    let bytes: Uint8Array | undefined;
    try {
      for await (const chunk of blockstore.get(cid, { signal })) bytes = chunk;
    } catch {
      throw missing(cid);
    }
    const node = dagPb.decode(bytes!);
    for (let index = node.Links.length - 1; index >= 0; index--)
      stack.push(node.Links[index]!.Hash);
  }
}

function missing(cid: CID): HttpError {
  return new HttpError(404, `block was not found locally (offline): ipld: could not find ${cid}`);
}
