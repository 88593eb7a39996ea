import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import BioDentalRendererModule from "./BioDentalRendererModule.ts";

/**
 * The Bio-Dental token. Parameter `organizer` (default: the deploying account) receives the
 * organizer and admin roles that manage festival booths.
 *
 *   npx hardhat ignition deploy ignition/modules/BioDentalNFTModule.ts --network localhost
 *   npx hardhat ignition deploy ignition/modules/BioDentalNFTModule.ts --network remote \
 *     --parameters '{"BioDentalNFTModule":{"organizer":"0x…"}}'
 */
export default buildModule("BioDentalNFTModule", (m) => {
  const organizer = m.getParameter("organizer", m.getAccount(0));
  const { renderer } = m.useModule(BioDentalRendererModule);
  const bioDental = m.contract("BioDentalNFT", [organizer, renderer]);
  return { bioDental, renderer };
});
