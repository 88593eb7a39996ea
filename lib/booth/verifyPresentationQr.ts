import { type Address, type BlockTag, type Client, isAddressEqual } from "viem";
import { checkPresentationOffChain } from "./checkPresentationOffChain.ts";
import { checkPresentationOnChain } from "./checkPresentationOnChain.ts";
import { MAX_PRESENTATION_WINDOW_SECONDS, REPLAY_MARGIN_SECONDS } from "./constants.ts";
import { decodePresentationQr } from "./decodePresentationQr.ts";
import { MalformedPresentationError } from "./errors.ts";
import { readPublicProfile } from "./readPublicProfile.ts";
import { type ReplayStore, nowSeconds } from "./replay/replayStore.ts";
import type { SignedPresentation } from "./types.ts";
import { type Verdict, makeVerdict, type PublicProfile } from "./verdict.ts";
import { HOLDER_NOT_AUTHORIZED_REASON, verdictOfOnChainReason } from "./verdicts.ts";
import { wasPresentGrantRevoked } from "./wasPresentGrantRevoked.ts";

/** Who is verifying: the booth's own identity, chain and memory. */
export type BoothIdentity = {
  chainId: bigint | number;
  contract: Address;
  booth: Address;
  replayStore: ReplayStore;
  /**
   * `on-chain` (default): one `eth_call` of `verifyPresentation`. `off-chain`: batched state reads
   * and a local signature recovery with identical results (ERC-1271 holders still go on-chain).
   */
  method?: "on-chain" | "off-chain" | undefined;
  blockTag?: BlockTag | undefined;
  /** Where to look for revocations (one `eth_getLogs`, on that failure only); `false`: do not look. */
  revocationLookup?: { fromBlock: bigint } | false | undefined;
  /** Read the owner's consented public profile for valid presentations (default true). */
  readProfile?: boolean | undefined;
  /** The booth's clock in unix seconds (the replay store's), for tests. */
  now?: (() => number) | undefined;
};

export type VerifyPresentationQrParameters = BoothIdentity & {
  /** The scanned text: `bdp1.…` or a link ending in `#bdp1.…`. */
  input: string;
};

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause =
      error.cause instanceof Error
        ? `: ${(error.cause as Error & { shortMessage?: string }).shortMessage ?? error.cause.message}`
        : "";
    return `${(error as Error & { shortMessage?: string }).shortMessage ?? error.message}${cause}`.split(
      "\n",
    )[0]!;
  }
  return String(error);
}

/**
 * Verifies one scanned presentation for this booth and returns the verdict; never throws and
 * never returns valid unless every check passed. In order: strict decoding (malformed), the
 * booth's own chain and contract, this booth, the contract's verdict (one `eth_call`, or the
 * identical off-chain check), then replay: a challenge this booth accepted before is refused, and
 * only otherwise valid presentations are recorded. If the chain or the replay store cannot be
 * used, the verdict is "cannot verify".
 *
 * @example
 * const verdict = await verifyPresentationQr(client, {
 *   input: scannedText, chainId: 31337n, contract, booth, replayStore: createMemoryReplayStore(),
 * })
 * if (verdict.valid) admit(verdict.tokenId, verdict.publicProfile)
 */
export async function verifyPresentationQr(
  client: Client,
  parameters: VerifyPresentationQrParameters,
): Promise<Verdict> {
  const {
    input,
    chainId,
    contract,
    booth,
    replayStore,
    method = "on-chain",
    blockTag = "pending",
    revocationLookup = { fromBlock: 0n },
    readProfile = true,
    now = nowSeconds,
  } = parameters;

  let signed: SignedPresentation;
  try {
    signed = decodePresentationQr(input);
  } catch (error) {
    return makeVerdict({
      reason: "malformed",
      detail: error instanceof MalformedPresentationError ? error.reason : describe(error),
    });
  }
  const { presentation } = signed;
  const known = {
    tokenId: presentation.tokenId,
    holder: presentation.holder,
    notAfter: presentation.notAfter,
  };

  if (signed.chainId !== BigInt(chainId)) {
    return makeVerdict({
      reason: "wrong-chain",
      detail: `made for chain ${signed.chainId}, this booth is on chain ${chainId}`,
      ...known,
    });
  }
  if (!isAddressEqual(signed.verifyingContract, contract)) {
    return makeVerdict({
      reason: "wrong-contract",
      detail: `made for ${signed.verifyingContract}`,
      ...known,
    });
  }
  if (!isAddressEqual(presentation.booth, booth)) {
    return makeVerdict({
      reason: "wrong-booth",
      detail: `made for booth ${presentation.booth}`,
      ...known,
    });
  }

  // The profile is read alongside the verdict (the same batched request) so a valid scan costs
  // one round trip; it is used only if the presentation is valid.
  const profile: Promise<PublicProfile | null | undefined> = readProfile
    ? readPublicProfile(client, { contract, tokenId: presentation.tokenId, blockTag }).catch(
        () => undefined,
      )
    : Promise.resolve(undefined);
  let reason: number;
  try {
    reason =
      method === "off-chain"
        ? await checkPresentationOffChain(client, { contract, signed, blockTag })
        : await checkPresentationOnChain(client, { contract, signed, blockTag });
  } catch (error) {
    return makeVerdict({ reason: "chain-unreachable", detail: describe(error), ...known });
  }

  const code = verdictOfOnChainReason(reason);
  if (code === undefined) {
    return makeVerdict({
      reason: "chain-unreachable",
      detail: `the contract answered an unknown reason ${reason}`,
      ...known,
    });
  }
  if (code !== "valid") {
    if (reason === HOLDER_NOT_AUTHORIZED_REASON && revocationLookup !== false) {
      const revoked = await wasPresentGrantRevoked(client, {
        contract,
        tokenId: presentation.tokenId,
        holder: presentation.holder,
        fromBlock: revocationLookup.fromBlock,
      });
      if (revoked === true)
        return makeVerdict({
          reason: "delegate-expired-or-revoked",
          detail: "the grant was revoked",
          ...known,
        });
    }
    return makeVerdict({ reason: code, ...known });
  }

  // Kept at least as long as the chain can still call it valid, whatever the two clocks say.
  const keepUntil =
    Math.max(Number(presentation.notAfter), now() + MAX_PRESENTATION_WINDOW_SECONDS) +
    REPLAY_MARGIN_SECONDS;
  let fresh: boolean;
  try {
    fresh = await replayStore.claim(presentation.challenge, keepUntil);
  } catch (error) {
    return makeVerdict({ reason: "store-unavailable", detail: describe(error), ...known });
  }
  if (!fresh) return makeVerdict({ reason: "replay", ...known });
  return makeVerdict({ reason: "valid", ...known, publicProfile: (await profile) ?? null });
}
