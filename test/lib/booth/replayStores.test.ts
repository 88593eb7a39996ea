import "fake-indexeddb/auto";
import { expect } from "chai";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Hex, bytesToHex } from "viem";
import { createFileReplayStore } from "#lib/booth/replay/fileReplayStore.node.ts";
import { createIndexedDbReplayStore } from "#lib/booth/replay/indexedDbReplayStore.ts";
import { createMemoryReplayStore } from "#lib/booth/replay/memoryReplayStore.ts";
import type { ReplayStore } from "#lib/booth/replay/replayStore.ts";

function challenge(): Hex {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** A clock the test moves by hand. */
function manualClock(start = 1_800_000_000): {
  now: () => number;
  advance: (seconds: number) => void;
} {
  let t = start;
  return { now: () => t, advance: (seconds) => (t += seconds) };
}

type Opened = { open: () => Promise<ReplayStore>; cleanup: () => Promise<void> };

const kinds: Record<string, (now: () => number) => Promise<Opened>> = {
  memory: async (now) => {
    const store = createMemoryReplayStore({ now });
    // A memory store "reopened" is the same store: restart survival is not its promise.
    return { open: async () => store, cleanup: async () => {} };
  },
  file: async (now) => {
    const directory = await mkdtemp(join(tmpdir(), "booth-replay-"));
    return {
      open: () => createFileReplayStore({ directory, now }),
      cleanup: () => rm(directory, { recursive: true, force: true }),
    };
  },
  indexedDB: async (now) => {
    const databaseName = `replay-${Math.random()}`;
    return {
      open: () => createIndexedDbReplayStore({ databaseName, now }),
      cleanup: async () => {
        indexedDB.deleteDatabase(databaseName);
      },
    };
  },
};

for (const [kind, make] of Object.entries(kinds)) {
  describe(`replay store (${kind})`, () => {
    let clock: ReturnType<typeof manualClock>;
    let opened: Opened;
    let store: ReplayStore;

    beforeEach(async () => {
      clock = manualClock();
      opened = await make(clock.now);
      store = await opened.open();
    });

    afterEach(async () => {
      await store.close();
      await opened.cleanup();
    });

    describe("when a challenge is claimed", () => {
      it("accepts it once and refuses it until it is forgotten", async () => {
        const c = challenge();
        expect(await store.claim(c, clock.now() + 180)).to.equal(true);
        expect(await store.claim(c, clock.now() + 180)).to.equal(false);
        expect(
          await store.claim(c.toUpperCase().replace("0X", "0x") as Hex, clock.now() + 180),
        ).to.equal(false);
        clock.advance(100);
        expect(await store.claim(c, clock.now() + 180)).to.equal(false);
        clock.advance(81);
        expect(await store.claim(c, clock.now() + 180)).to.equal(true);
      });

      it("keeps challenges apart", async () => {
        const a = challenge();
        const b = challenge();
        expect(await store.claim(a, clock.now() + 180)).to.equal(true);
        expect(await store.claim(b, clock.now() + 180)).to.equal(true);
        expect(await store.claim(a, clock.now() + 180)).to.equal(false);
      });

      it("grants exactly one of many concurrent claims", async () => {
        const c = challenge();
        const others = await Promise.all(Array.from({ length: 3 }, () => opened.open()));
        const results = await Promise.all(
          [store, ...others, store, ...others].map((s) => s.claim(c, clock.now() + 180)),
        );
        expect(results.filter(Boolean)).to.have.length(1);
        if (kind !== "memory") for (const other of others) await other.close();
      });

      it("refuses something that is not a bytes32 challenge", async () => {
        let thrown: unknown;
        try {
          await store.claim("0x1234", clock.now() + 180);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).to.be.instanceOf(Error);
      });
    });

    describe("when the booth restarts", () => {
      it("still refuses a challenge claimed before, if the store persists", async () => {
        const c = challenge();
        expect(await store.claim(c, clock.now() + 180)).to.equal(true);
        await store.close();
        store = await opened.open();
        expect(await store.claim(c, clock.now() + 180)).to.equal(kind === "memory");
        if (kind === "memory") return;
        clock.advance(120);
        await store.close();
        store = await opened.open();
        expect(await store.claim(c, clock.now() + 180)).to.equal(false);
      });
    });

    describe("when pruning", () => {
      it("forgets only expired challenges", async () => {
        const old = challenge();
        const recent = challenge();
        await store.claim(old, clock.now() + 10);
        await store.claim(recent, clock.now() + 1000);
        clock.advance(11);
        await store.prune();
        expect(await store.claim(recent, clock.now() + 1000)).to.equal(false);
        expect(await store.claim(old, clock.now() + 1000)).to.equal(true);
      });
    });
  });
}

describe("replay store (file) on disk", () => {
  it("treats a claim cut short by a crash (empty file) as seen, and cleans it up an hour later", async () => {
    const directory = await mkdtemp(join(tmpdir(), "booth-replay-"));
    try {
      const c = challenge();
      await writeFile(join(directory, c.slice(2)), "");
      const clock = manualClock(Math.floor(Date.now() / 1000));
      let store = await createFileReplayStore({ directory, now: clock.now });
      expect(await store.claim(c, clock.now() + 180)).to.equal(false);
      clock.advance(3601);
      store = await createFileReplayStore({ directory, now: clock.now });
      expect(await readdir(directory)).to.deep.equal([]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
