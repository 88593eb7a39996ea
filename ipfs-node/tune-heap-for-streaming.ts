import { setFlagsFromString } from "node:v8";

/**
 * Tunes V8 for a process that streams hundreds of MiB through Buffers, as the node does.
 *
 * By default every 64 MiB of new external memory (request bodies, blocks read from disk) starts
 * a full mark-compact, however little of the heap is garbage: 15 of them per 256 MiB added and
 * read back, about a third of the node's CPU time. Accounting external memory in the heap's global
 * limit instead left 2 to 4, and raised peak RSS by about 70 MiB (measured with `npm run bench:ipfs`).
 *
 * It changes a process-wide GC heuristic, so only the programs that own the node's process call
 * it (`npm run ipfs`, `npm start`, the benchmark's server), never the library itself.
 */
export function tuneHeapForStreaming(): void {
  setFlagsFromString("--external-memory-accounted-in-global-limit");
}
