import { expect } from "chai";
import {
  actors,
  deployFixture,
  deployThroughIgnition,
  ethers,
  loadFixture,
} from "./fixtures/bioDental.ts";

const ORGANIZER_ROLE = ethers.id("ORGANIZER_ROLE");
const DEFAULT_ADMIN_ROLE = ethers.ZeroHash;
const BOOTH_NAME = "Smile Lab, Hall B";

describe("BioDentalNFT booths and the organizer role", () => {
  /** A deployment whose organizer is Carol, set through the Ignition module's `organizer` parameter. */
  async function carolOrganizesFixture() {
    const people = await actors();
    return { ...(await deployThroughIgnition(people.carol.address)), ...people };
  }

  async function registeredFixture() {
    const deployed = await deployFixture();
    await (await deployed.bioDental.registerBooth(deployed.booth.address, BOOTH_NAME)).wait();
    return deployed;
  }

  describe("the organizer role", () => {
    describe("when the module is deployed without parameters", () => {
      it("gives the deployer the organizer and admin roles, and nobody else", async () => {
        const { bioDental, deployer, alice } = await loadFixture(deployFixture);
        expect(await bioDental.hasRole(ORGANIZER_ROLE, deployer.address)).to.equal(true);
        expect(await bioDental.hasRole(DEFAULT_ADMIN_ROLE, deployer.address)).to.equal(true);
        expect(await bioDental.hasRole(ORGANIZER_ROLE, alice.address)).to.equal(false);
        expect(await bioDental.hasRole(DEFAULT_ADMIN_ROLE, alice.address)).to.equal(false);
      });

      it("emitted RoleGranted for both roles at construction", async () => {
        const { bioDental, deployer } = await loadFixture(deployFixture);
        const granted = await bioDental.queryFilter(bioDental.filters.RoleGranted(), 0, "latest");
        expect(granted.map((event) => [event.args.role, event.args.account])).to.deep.equal([
          [DEFAULT_ADMIN_ROLE, deployer.address],
          [ORGANIZER_ROLE, deployer.address],
        ]);
      });

      it("administers the organizer role with the default admin role", async () => {
        const { bioDental } = await loadFixture(deployFixture);
        expect(await bioDental.getRoleAdmin(ORGANIZER_ROLE)).to.equal(DEFAULT_ADMIN_ROLE);
        expect(await bioDental.getRoleAdmin(DEFAULT_ADMIN_ROLE)).to.equal(DEFAULT_ADMIN_ROLE);
      });
    });

    describe("when the module's organizer parameter names another account", () => {
      it("gives that account both roles and the deployer none", async () => {
        const { bioDental, deployer, carol } = await loadFixture(carolOrganizesFixture);
        expect(await bioDental.hasRole(ORGANIZER_ROLE, carol.address)).to.equal(true);
        expect(await bioDental.hasRole(DEFAULT_ADMIN_ROLE, carol.address)).to.equal(true);
        expect(await bioDental.hasRole(ORGANIZER_ROLE, deployer.address)).to.equal(false);
        expect(await bioDental.hasRole(DEFAULT_ADMIN_ROLE, deployer.address)).to.equal(false);
      });

      it("lets that account manage booths and refuses the deployer", async () => {
        const { bioDental, deployer, carol, booth } = await loadFixture(carolOrganizesFixture);
        await expect(bioDental.connect(deployer).registerBooth(booth.address, BOOTH_NAME))
          .to.be.revertedWithCustomError(bioDental, "AccessControlUnauthorizedAccount")
          .withArgs(deployer.address, ORGANIZER_ROLE);
        await expect(bioDental.connect(carol).registerBooth(booth.address, BOOTH_NAME))
          .to.emit(bioDental, "BoothRegistered")
          .withArgs(booth.address, BOOTH_NAME);
        await expect(bioDental.connect(deployer).deactivateBooth(booth.address))
          .to.be.revertedWithCustomError(bioDental, "AccessControlUnauthorizedAccount")
          .withArgs(deployer.address, ORGANIZER_ROLE);
        await expect(bioDental.connect(carol).deactivateBooth(booth.address))
          .to.emit(bioDental, "BoothDeactivated")
          .withArgs(booth.address);
      });
    });

    describe("when the admin grants the organizer role to another account", () => {
      it("emits RoleGranted and the new organizer can register booths", async () => {
        const { bioDental, deployer, alice, booth } = await loadFixture(deployFixture);
        await expect(bioDental.grantRole(ORGANIZER_ROLE, alice.address))
          .to.emit(bioDental, "RoleGranted")
          .withArgs(ORGANIZER_ROLE, alice.address, deployer.address);
        await expect(bioDental.connect(alice).registerBooth(booth.address, BOOTH_NAME))
          .to.emit(bioDental, "BoothRegistered")
          .withArgs(booth.address, BOOTH_NAME);
      });
    });

    describe("when the admin revokes the organizer role", () => {
      it("emits RoleRevoked and the former organizer is refused", async () => {
        const { bioDental, deployer, alice, booth } = await loadFixture(deployFixture);
        await bioDental.grantRole(ORGANIZER_ROLE, alice.address);
        await expect(bioDental.revokeRole(ORGANIZER_ROLE, alice.address))
          .to.emit(bioDental, "RoleRevoked")
          .withArgs(ORGANIZER_ROLE, alice.address, deployer.address);
        await expect(bioDental.connect(alice).registerBooth(booth.address, BOOTH_NAME))
          .to.be.revertedWithCustomError(bioDental, "AccessControlUnauthorizedAccount")
          .withArgs(alice.address, ORGANIZER_ROLE);
      });
    });

    describe("when an organizer renounces the role", () => {
      it("emits RoleRevoked and loses it", async () => {
        const { bioDental, deployer } = await loadFixture(deployFixture);
        await expect(bioDental.renounceRole(ORGANIZER_ROLE, deployer.address))
          .to.emit(bioDental, "RoleRevoked")
          .withArgs(ORGANIZER_ROLE, deployer.address, deployer.address);
        expect(await bioDental.hasRole(ORGANIZER_ROLE, deployer.address)).to.equal(false);
      });

      it("reverts with AccessControlBadConfirmation() when renouncing for someone else", async () => {
        const { bioDental, alice } = await loadFixture(deployFixture);
        await expect(bioDental.renounceRole(ORGANIZER_ROLE, alice.address))
          .to.be.revertedWithCustomError(bioDental, "AccessControlBadConfirmation")
          .withArgs();
      });
    });

    describe("when a non-admin grants or revokes roles", () => {
      it("reverts with AccessControlUnauthorizedAccount(caller, DEFAULT_ADMIN_ROLE)", async () => {
        const { bioDental, deployer, stranger } = await loadFixture(deployFixture);
        await expect(bioDental.connect(stranger).grantRole(ORGANIZER_ROLE, stranger.address))
          .to.be.revertedWithCustomError(bioDental, "AccessControlUnauthorizedAccount")
          .withArgs(stranger.address, DEFAULT_ADMIN_ROLE);
        await expect(bioDental.connect(stranger).revokeRole(ORGANIZER_ROLE, deployer.address))
          .to.be.revertedWithCustomError(bioDental, "AccessControlUnauthorizedAccount")
          .withArgs(stranger.address, DEFAULT_ADMIN_ROLE);
      });
    });
  });

  describe("registerBooth", () => {
    describe("when an organizer registers a new booth", () => {
      it("emits BoothRegistered(booth, name) and boothOf shows it active", async () => {
        const { bioDental, booth } = await loadFixture(deployFixture);
        await expect(bioDental.registerBooth(booth.address, BOOTH_NAME))
          .to.emit(bioDental, "BoothRegistered")
          .withArgs(booth.address, BOOTH_NAME);
        expect(await bioDental.boothOf(booth.address)).to.deep.equal([BOOTH_NAME, true]);
      });

      it("accepts a one-byte and a 64-byte name, UTF-8 included", async () => {
        const { bioDental, alice, bob, carol } = await loadFixture(deployFixture);
        const utf8 = "Stand dentaire — Genève";
        for (const [account, name] of [
          [alice, "A"],
          [bob, "n".repeat(64)],
          [carol, utf8],
        ] as const) {
          await expect(bioDental.registerBooth(account.address, name))
            .to.emit(bioDental, "BoothRegistered")
            .withArgs(account.address, name);
          expect(await bioDental.boothOf(account.address)).to.deep.equal([name, true]);
        }
      });

      it("keeps booths independent", async () => {
        const { bioDental, booth, alice } = await loadFixture(deployFixture);
        await bioDental.registerBooth(booth.address, BOOTH_NAME);
        expect(await bioDental.boothOf(alice.address)).to.deep.equal(["", false]);
      });
    });

    describe("when the caller is not an organizer", () => {
      it("reverts with AccessControlUnauthorizedAccount(caller, ORGANIZER_ROLE)", async () => {
        const { bioDental, stranger, booth } = await loadFixture(deployFixture);
        await expect(bioDental.connect(stranger).registerBooth(booth.address, BOOTH_NAME))
          .to.be.revertedWithCustomError(bioDental, "AccessControlUnauthorizedAccount")
          .withArgs(stranger.address, ORGANIZER_ROLE);
      });

      it("refuses a booth registering itself", async () => {
        const { bioDental, booth } = await loadFixture(deployFixture);
        await expect(bioDental.connect(booth).registerBooth(booth.address, BOOTH_NAME))
          .to.be.revertedWithCustomError(bioDental, "AccessControlUnauthorizedAccount")
          .withArgs(booth.address, ORGANIZER_ROLE);
      });
    });

    describe("when the booth is the zero address", () => {
      it("reverts with BioDentalInvalidBooth(0)", async () => {
        const { bioDental } = await loadFixture(deployFixture);
        await expect(bioDental.registerBooth(ethers.ZeroAddress, BOOTH_NAME))
          .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidBooth")
          .withArgs(ethers.ZeroAddress);
      });
    });

    describe("when the name is invalid", () => {
      for (const [label, name] of [
        ["empty", ""],
        ["65 bytes long", "n".repeat(65)],
        ["64 characters but more than 64 bytes", `${"n".repeat(63)}é`],
      ]) {
        it(`rejects a name that is ${label} with BioDentalInvalidBoothName()`, async () => {
          const { bioDental, booth } = await loadFixture(deployFixture);
          await expect(bioDental.registerBooth(booth.address, name))
            .to.be.revertedWithCustomError(bioDental, "BioDentalInvalidBoothName")
            .withArgs();
        });
      }
    });

    describe("when the booth is already active", () => {
      it("reverts with BioDentalBoothAlreadyActive(booth) and keeps its name", async () => {
        const { bioDental, booth } = await loadFixture(registeredFixture);
        await expect(bioDental.registerBooth(booth.address, "Another name"))
          .to.be.revertedWithCustomError(bioDental, "BioDentalBoothAlreadyActive")
          .withArgs(booth.address);
        expect(await bioDental.boothOf(booth.address)).to.deep.equal([BOOTH_NAME, true]);
      });
    });

    describe("when the booth was deactivated", () => {
      it("re-activates it under a new name and emits BoothRegistered", async () => {
        const { bioDental, booth } = await loadFixture(registeredFixture);
        await bioDental.deactivateBooth(booth.address);
        await expect(bioDental.registerBooth(booth.address, "Smile Lab, Hall C"))
          .to.emit(bioDental, "BoothRegistered")
          .withArgs(booth.address, "Smile Lab, Hall C");
        expect(await bioDental.boothOf(booth.address)).to.deep.equal(["Smile Lab, Hall C", true]);
      });
    });
  });

  describe("deactivateBooth", () => {
    describe("when an organizer deactivates an active booth", () => {
      it("emits BoothDeactivated(booth) and boothOf keeps the name, inactive", async () => {
        const { bioDental, booth } = await loadFixture(registeredFixture);
        await expect(bioDental.deactivateBooth(booth.address))
          .to.emit(bioDental, "BoothDeactivated")
          .withArgs(booth.address);
        expect(await bioDental.boothOf(booth.address)).to.deep.equal([BOOTH_NAME, false]);
      });
    });

    describe("when the caller is not an organizer", () => {
      it("reverts with AccessControlUnauthorizedAccount(caller, ORGANIZER_ROLE)", async () => {
        const { bioDental, booth, stranger } = await loadFixture(registeredFixture);
        await expect(bioDental.connect(stranger).deactivateBooth(booth.address))
          .to.be.revertedWithCustomError(bioDental, "AccessControlUnauthorizedAccount")
          .withArgs(stranger.address, ORGANIZER_ROLE);
        expect(await bioDental.boothOf(booth.address)).to.deep.equal([BOOTH_NAME, true]);
      });
    });

    describe("when the booth was never registered", () => {
      it("reverts with BioDentalBoothNotActive(booth)", async () => {
        const { bioDental, stranger } = await loadFixture(registeredFixture);
        await expect(bioDental.deactivateBooth(stranger.address))
          .to.be.revertedWithCustomError(bioDental, "BioDentalBoothNotActive")
          .withArgs(stranger.address);
        await expect(bioDental.deactivateBooth(ethers.ZeroAddress))
          .to.be.revertedWithCustomError(bioDental, "BioDentalBoothNotActive")
          .withArgs(ethers.ZeroAddress);
      });
    });

    describe("when the booth is already inactive", () => {
      it("reverts with BioDentalBoothNotActive(booth)", async () => {
        const { bioDental, booth } = await loadFixture(registeredFixture);
        await bioDental.deactivateBooth(booth.address);
        await expect(bioDental.deactivateBooth(booth.address))
          .to.be.revertedWithCustomError(bioDental, "BioDentalBoothNotActive")
          .withArgs(booth.address);
      });
    });
  });

  describe("boothOf", () => {
    describe("when the booth was never registered", () => {
      it("is an empty name, inactive", async () => {
        const { bioDental, booth } = await loadFixture(deployFixture);
        expect(await bioDental.boothOf(booth.address)).to.deep.equal(["", false]);
      });
    });
  });
});
