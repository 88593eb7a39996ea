import { expect } from "chai";
import {
  deployFixture,
  deployThroughIgnition,
  ethers,
  loadFixture,
  mintedFixture,
  PRESENT,
  READ,
} from "./fixtures/bioDental.ts";

/**
 * Deployment through the Ignition module and the contract's fixed constants. The behaviour of
 * each area lives in its own file: BioDentalNFT.records.ts, .access.ts, .signatures.ts,
 * .keys.ts, .metadata.ts, .booths.ts, .presentations.ts, and SoulboundERC721.ts.
 */
describe("BioDentalNFT", () => {
  describe("when deployed through the Ignition module", () => {
    it("names the collection", async () => {
      const { bioDental } = await loadFixture(deployFixture);
      expect(await bioDental.name()).to.equal("Bio-Dental Record");
      expect(await bioDental.symbol()).to.equal("SMILE");
    });

    it("exposes the documented scope bits and presentation window", async () => {
      const { bioDental } = await loadFixture(deployFixture);
      expect(await bioDental.READ()).to.equal(READ);
      expect(await bioDental.PRESENT()).to.equal(PRESENT);
      expect(await bioDental.MAX_PRESENTATION_WINDOW()).to.equal(120n);
    });

    it('uses keccak256("ORGANIZER_ROLE") as the organizer role and zero as the admin role', async () => {
      const { bioDental } = await loadFixture(deployFixture);
      expect(await bioDental.ORGANIZER_ROLE()).to.equal(ethers.id("ORGANIZER_ROLE"));
      expect(await bioDental.DEFAULT_ADMIN_ROLE()).to.equal(ethers.ZeroHash);
    });

    it("publishes the EIP-712 domain {name: BioDentalNFT, version: 1, chainId, this contract} (ERC-5267)", async () => {
      const { bioDental } = await loadFixture(deployFixture);
      const domain = await bioDental.eip712Domain();
      const { chainId } = await ethers.provider.getNetwork();
      expect(domain.fields).to.equal("0x0f"); // name, version, chainId, verifyingContract
      expect(domain.name).to.equal("BioDentalNFT");
      expect(domain.version).to.equal("1");
      expect(domain.chainId).to.equal(chainId);
      expect(domain.verifyingContract).to.equal(await bioDental.getAddress());
      expect(domain.salt).to.equal(ethers.ZeroHash);
      expect(domain.extensions).to.deep.equal([]);
    });

    it("wires the token to the renderer the module deployed", async () => {
      const { bioDental, renderer, tokenId } = await loadFixture(mintedFixture);
      expect(await bioDental.tokenURI(tokenId)).to.equal(
        await renderer.tokenURI(tokenId, false, "", "0x"),
      );
    });

    it("deploys a new, independent pair of contracts on each deployment", async () => {
      const first = await deployThroughIgnition();
      const second = await deployThroughIgnition();
      expect(await second.bioDental.getAddress()).to.not.equal(await first.bioDental.getAddress());
      expect(await second.renderer.getAddress()).to.not.equal(await first.renderer.getAddress());
    });
  });
});
