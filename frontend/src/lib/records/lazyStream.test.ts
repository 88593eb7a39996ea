import { describe, expect, it, vi } from "vitest";
import { lazyStream } from "./lazyStream.ts";

describe("lazyStream", () => {
  it("opens its source on the first read only, then passes every chunk", async () => {
    const open = vi.fn(
      async () => new Response(new Uint8Array([1, 2, 3])).body as ReadableStream<Uint8Array>,
    );
    const stream = lazyStream(open);
    expect(open).not.toHaveBeenCalled();
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(open).toHaveBeenCalledTimes(1);
    expect([...bytes]).toEqual([1, 2, 3]);
  });
});
