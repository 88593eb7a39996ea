import type { RecordBinding } from "#lib/crypto/binding.ts";

export const CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const;
export const OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as const;

/** Token ids as the contract assigns them: (owner << 96) | mintIndex. */
export function tokenIdOf(owner: `0x${string}`, mintIndex: bigint): bigint {
  return (BigInt(owner) << 96n) | mintIndex;
}

export function binding(overrides: Partial<RecordBinding> = {}): RecordBinding {
  return {
    chainId: 31337n,
    contract: CONTRACT,
    tokenId: tokenIdOf(OWNER, 0n),
    version: 1n,
    schema: "biodental.record/1",
    ...overrides,
  };
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65536) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
  }
  return out;
}

/** A stream of `bytes` cut into chunks of the given sizes (cycled). */
export function chunked(
  bytes: Uint8Array,
  sizes: number[] = [bytes.length || 1],
): ReadableStream<Uint8Array> {
  let offset = 0;
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      const size = sizes[i++ % sizes.length]!;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

/** Calls `onChunk` for every chunk (the DOM typings lack ReadableStream's async iterator). */
export async function forEachChunk(
  stream: ReadableStream<Uint8Array>,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onChunk(value);
  }
}

export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  await forEachChunk(stream, (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
  });
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Resolves the rejection of `promise`, failing the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection, but the promise resolved");
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.length === b.length &&
    Buffer.from(a.buffer, a.byteOffset, a.length).equals(
      Buffer.from(b.buffer, b.byteOffset, b.length),
    )
  );
}
