import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { network } from "hardhat";
import {
  type Address,
  type Hex,
  type PublicClient,
  createPublicClient,
  custom,
  getAddress,
} from "viem";
import { CID } from "multiformats/cid";
import { create as createDigest } from "multiformats/hashes/digest";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import BioDentalNFTModule from "../../../../ignition/modules/BioDentalNFTModule.ts";
import type { BioDentalNFT, MockERC1271Wallet } from "../../../../types/ethers-contracts/index.ts";
import { createPresentation } from "#lib/booth/createPresentation.ts";
import { encodePresentationQr } from "#lib/booth/encodePresentationQr.ts";
import { PRESENTATION_TYPES, presentationTypedData } from "#lib/booth/presentationTypedData.ts";
import type { Presentation, SignedPresentation } from "#lib/booth/types.ts";

/** The in-process network every test file shares (snapshots via loadFixture are reused). */
export const connection = await network.getOrCreate();
export const { ethers, ignition, networkHelpers } = connection;

export const PRESENT = 2;
export const READ = 1;

/** A viem client over the in-process network: what a booth uses against a real node. */
export const client: PublicClient = createPublicClient({ transport: custom(connection.provider) });

/** A binary CIDv1 (raw codec, sha2-256) of `label`, as hex. */
export function cidOf(label: string): Hex {
  return `0x${Buffer.from(CID.createV1(0x55, createDigest(0x12, sha256(utf8ToBytes(label)))).bytes).toString("hex")}`;
}

export type BoothFixture = {
  nft: BioDentalNFT;
  contract: Address;
  chainId: bigint;
  organizer: HardhatEthersSigner;
  alice: HardhatEthersSigner;
  bob: HardhatEthersSigner;
  carol: HardhatEthersSigner;
  stranger: HardhatEthersSigner;
  /** Registered and active; the booth every presentation is made for unless a test says otherwise. */
  booth: Address;
  /** Alice's first token. */
  tokenId: bigint;
};

/** Deploys through the Ignition module, registers a booth, and has Alice mint a token. */
export async function boothFixture(): Promise<BoothFixture> {
  const { bioDental } = await ignition.deploy(BioDentalNFTModule);
  const nft = bioDental as unknown as BioDentalNFT;
  const [organizer, alice, bob, carol, stranger] = await ethers.getSigners();
  const signers = await ethers.getSigners();
  const booth = getAddress(signers[9]!.address);
  await (await nft.connect(organizer!).registerBooth(booth, "Demo booth")).wait();
  const tokenId = await nft.nextTokenIdOf(alice!.address);
  await (await nft.connect(alice!).mint(cidOf("alice's record"))).wait();
  const chainId = (await ethers.provider.getNetwork()).chainId;
  return {
    nft,
    contract: getAddress(await nft.getAddress()),
    chainId,
    organizer: organizer!,
    alice: alice!,
    bob: bob!,
    carol: carol!,
    stranger: stranger!,
    booth,
    tokenId,
  };
}

/** The time the pending block will carry: what `verifyPresentation` at `pending` sees. */
export async function chainNow(): Promise<bigint> {
  const block = (await connection.provider.request({
    method: "eth_getBlockByNumber",
    params: ["pending", false],
  })) as {
    timestamp: Hex;
  };
  return BigInt(block.timestamp);
}

export type SignParameters = {
  fixture: Pick<BoothFixture, "contract" | "chainId" | "booth">;
  signer: HardhatEthersSigner;
  tokenId: bigint;
  /** Defaults to the signer. */
  holder?: Address;
  booth?: Address;
  chainId?: bigint;
  verifyingContract?: Address;
  /** Seconds from the chain's pending time; default 30. */
  ttl?: number;
  /** Overrides everything about notAfter. */
  notAfter?: bigint;
  challenge?: Hex;
};

/**
 * Signs a presentation with an ethers signer (a second EIP-712 implementation next to viem's,
 * which the verifier uses) and returns it with its QR text.
 */
export async function signPresentation(
  p: SignParameters,
): Promise<SignedPresentation & { text: string }> {
  const now = await chainNow();
  const base = createPresentation({
    tokenId: p.tokenId,
    holder: (p.holder ?? p.signer.address) as Address,
    booth: p.booth ?? p.fixture.booth,
    now,
    ttlSeconds: 30,
  });
  const presentation: Presentation = {
    ...base,
    notAfter: p.notAfter ?? now + BigInt(p.ttl ?? 30),
    challenge: p.challenge ?? base.challenge,
  };
  const chainId = p.chainId ?? p.fixture.chainId;
  const verifyingContract = p.verifyingContract ?? p.fixture.contract;
  const typed = presentationTypedData({ chainId, verifyingContract, presentation });
  const signature = (await p.signer.signTypedData(
    { ...typed.domain },
    { Presentation: PRESENTATION_TYPES.Presentation.map((field) => ({ ...field })) },
    { ...presentation },
  )) as Hex;
  const signed: SignedPresentation = { chainId, verifyingContract, presentation, signature };
  return { ...signed, text: encodePresentationQr(signed) };
}

/** Deploys a test ERC-1271 wallet controlled by `signer` that mints a token; returns both. */
export async function walletWithToken(
  nft: BioDentalNFT,
  signer: HardhatEthersSigner,
  rejectAll: boolean,
): Promise<{ wallet: MockERC1271Wallet; walletAddress: Address; tokenId: bigint }> {
  const wallet = (await ethers.deployContract("MockERC1271Wallet", [
    signer.address,
    rejectAll,
  ])) as unknown as MockERC1271Wallet;
  await wallet.waitForDeployment();
  const walletAddress = getAddress(await wallet.getAddress());
  const tokenId = await nft.nextTokenIdOf(walletAddress);
  const data = nft.interface.encodeFunctionData("mint", [cidOf(`wallet record ${rejectAll}`)]);
  await (await wallet.connect(signer).execute(await nft.getAddress(), data)).wait();
  return { wallet, walletAddress, tokenId };
}
