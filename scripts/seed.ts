/**
 * `npm run seed`: fills a running local stack (`npm start`) with the demo cast's keys, encrypted
 * records, a grant and the "Emotional Echoes" stories. Idempotent. `npm start -- --seed` does
 * the same right after starting. Options: --rpc <url> (default http://127.0.0.1:8545),
 * --ipfs-api <url> (default http://127.0.0.1:5001).
 */
import { parseArgs } from "node:util";
import { getDeployment } from "#lib/chain/getDeployment.ts";
import { LOCAL_STACK } from "#lib/chain/localStack.ts";
import { BaseError } from "#lib/errors/base.ts";
import { probeChain, probeIpfsApi } from "./stack/probes.ts";
import { createStepReporter } from "./stack/progress.ts";
import { seedDemo } from "./stack/seed-demo.ts";

const { values } = parseArgs({
  options: {
    rpc: { type: "string", default: LOCAL_STACK.rpcUrl },
    "ipfs-api": { type: "string", default: LOCAL_STACK.ipfsApiUrl },
  },
});
const rpcUrl = values.rpc;
const ipfsApiUrl = values["ipfs-api"];

try {
  const chain = await probeChain(rpcUrl);
  if (!chain.ok)
    throw new Error(
      `no chain answers at ${rpcUrl} (${chain.error}): start the stack first with \`npm start\``,
    );
  const ipfs = await probeIpfsApi(ipfsApiUrl);
  if (!ipfs.ok)
    throw new Error(
      `no IPFS node answers at ${ipfsApiUrl} (${ipfs.error}): start the stack first with \`npm start\``,
    );
  const { address, deploymentBlock } = getDeployment({ chainId: chain.chainId! });
  console.log(`Seeding BioDentalNFT ${address} on chain ${chain.chainId}…`);
  const result = await seedDemo({
    rpcUrl,
    chainId: chain.chainId!,
    contract: address,
    fromBlock: deploymentBlock,
    ipfsApiUrl,
    progress: createStepReporter(),
  });
  for (const member of result.members)
    console.log(`  ${member.name.padEnd(15)} ${member.address}  ${member.status}`);
  console.log(
    `  ${"Dr. Liora Voss".padEnd(15)} ${result.practitioner}  practitioner (receives the grants)`,
  );
} catch (error) {
  console.error(
    error instanceof BaseError
      ? error.message
      : error instanceof Error
        ? error.message
        : String(error),
  );
  process.exit(1);
}
