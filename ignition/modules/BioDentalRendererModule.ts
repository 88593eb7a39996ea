import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/** The stateless metadata renderer: deployed once, referenced immutably by the token. */
export default buildModule("BioDentalRendererModule", (m) => {
  const renderer = m.contract("BioDentalRenderer");
  return { renderer };
});
