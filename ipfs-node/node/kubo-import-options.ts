import type { ImporterOptions } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";

/** Kubo's `ipfs add` defaults (boxo): 256 KiB fixed chunks, balanced DAG of 174 links. */
export const KUBO_DEFAULT_CHUNK_SIZE = 262_144;
export const KUBO_MAX_CHILDREN_PER_NODE = 174;
/** boxo refuses chunks above 1 MiB: larger blocks would not travel over Bitswap. */
export const KUBO_MAX_CHUNK_SIZE = 1_048_576;

export type KuboImportParameters = {
  cidVersion?: 0 | 1 | undefined;
  /** Kubo turns raw leaves on with CIDv1 unless told otherwise. */
  rawLeaves?: boolean | undefined;
  chunkSize?: number | undefined;
  wrapWithDirectory?: boolean | undefined;
};

/**
 * Importer options that give the CIDs `ipfs add` gives for the same flags. Everything is passed
 * explicitly: @helia/unixfs's own defaults (CIDv1, 1 MiB chunks, 1024 links) differ, and
 * the importer only honours `profile` for values the caller left unset.
 *
 * @example
 * await importFile({ content }, blockstore, kuboImporterOptions({ cidVersion: 0 }))
 */
export function kuboImporterOptions(parameters: KuboImportParameters = {}): ImporterOptions {
  const cidVersion = parameters.cidVersion ?? 0;
  const rawLeaves = parameters.rawLeaves ?? cidVersion === 1;
  return {
    cidVersion,
    rawLeaves,
    // Without raw leaves Kubo wraps each chunk in a UnixFS `file` node and, for a one-chunk file,
    // uses that node itself as the root.
    leafType: "file",
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: parameters.chunkSize ?? KUBO_DEFAULT_CHUNK_SIZE }),
    layout: balanced({ maxChildrenPerNode: KUBO_MAX_CHILDREN_PER_NODE }),
    wrapWithDirectory: parameters.wrapWithDirectory ?? false,
    shardSplitStrategy: "links-bytes",
    fieldOrder: "links-first",
  };
}
