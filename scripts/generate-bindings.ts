/**
 * `npm run generate`: writes lib/generated/bioDentalNft.ts, the only copy of the BioDentalNFT
 * ABI and of its deployed addresses, from Hardhat's artifact and Ignition's deployments.
 */
import { generateBindings } from "./stack/bindings.ts";

const { outFile, deployments, changed } = await generateBindings();
const chains = deployments
  .map((d) => `${d.chainId} → ${d.address} (block ${d.deploymentBlock})`)
  .join(", ");
console.log(
  `${changed ? "Wrote" : "Unchanged"} ${outFile}${chains ? `: ${chains}` : " (no deployments yet)"}`,
);
