import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { expect } from "chai";
import { SOLC_VERSION } from "../hardhat.config.ts";

const require = createRequire(import.meta.url);

/**
 * The `solc` npm package version is the compiler version Hardhat actually runs (as WASM). A
 * mismatch with `solidity.version` would silently compile with another compiler.
 */
describe("toolchain", function () {
  it("pins the solc npm package to the configured compiler version", function () {
    const solcPackage = require("solc/package.json") as { version: string };
    expect(solcPackage.version).to.equal(SOLC_VERSION);
  });

  it("compiled every build with that compiler", async function () {
    const dir = path.join(import.meta.dirname, "..", "artifacts", "build-info");
    const files = (await readdir(dir)).filter((file) => !file.endsWith(".output.json"));
    expect(files).to.not.be.empty;
    for (const file of files) {
      const buildInfo = JSON.parse(await readFile(path.join(dir, file), "utf8")) as {
        solcVersion: string;
        solcLongVersion: string;
      };
      expect(buildInfo.solcVersion, file).to.equal(SOLC_VERSION);
      expect(buildInfo.solcLongVersion.startsWith(SOLC_VERSION), file).to.equal(true);
    }
  });

  it("runs under Node 24 or later", function () {
    const major = Number(process.versions.node.split(".")[0]);
    expect(major).to.be.at.least(22);
  });
});
