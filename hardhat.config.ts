import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

/**
 * The compiler is the `solc` npm package run as WASM: compiler downloads are impossible on the
 * machines this project is built on, and the package version *is* the compiler version, so it is
 * pinned to exactly SOLC_VERSION in package.json (a mismatch would silently compile with another
 * compiler). `test/toolchain.ts` asserts the two agree.
 */
export const SOLC_VERSION = "0.8.28";

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    profiles: {
      default: {
        version: SOLC_VERSION,
        path: require.resolve("solc/soljson.js"),
        settings: {
          // The most runs solc takes (2^32 - 1): members mint, update and grant far more often
          // than the contract is deployed. Against 10,000 runs it saves up to ~180 gas per flow
          // (npm run bench:gas) for ~1 KB more bytecode. Not viaIR: its dispatcher is a linear
          // chain of selector comparisons, which costs hasAccess ~600 gas more than the legacy
          // pipeline's binary search, and it compiles in over a minute instead of seconds.
          optimizer: { enabled: true, runs: 4_294_967_295 },
          evmVersion: "cancun",
        },
      },
      production: {
        version: SOLC_VERSION,
        path: require.resolve("solc/soljson.js"),
        settings: {
          optimizer: { enabled: true, runs: 4_294_967_295 },
          evmVersion: "cancun",
        },
      },
    },
  },
  paths: {
    tests: { mocha: "test", solidity: "test" },
  },
  test: {
    solidity: {
      fuzz: { runs: 256 },
      // Every invariant runs its own campaign, checked after each call: 8 invariants x runs x
      // depth calls. These figures keep the whole Solidity suite well under two minutes on two
      // cores. failOnRevert: the handler never reverts, so a revert is a bug in the handler.
      invariant: { runs: 64, depth: 64, failOnRevert: true },
    },
  },
  networks: {
    localhost: {
      type: "http",
      chainType: "l1",
      url: "http://127.0.0.1:8545",
    },
    // Any EVM network: the RPC URL and the deployer key come from the keystore
    // (`npx hardhat keystore set BIODENTAL_RPC_URL`), never from a file.
    remote: {
      type: "http",
      chainType: "l1",
      url: configVariable("BIODENTAL_RPC_URL"),
      accounts: [configVariable("BIODENTAL_DEPLOYER_KEY")],
    },
  },
});
