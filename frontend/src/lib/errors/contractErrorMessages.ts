import { shortAddress, tokenLabel } from "../format/tokenId.ts";
import { formatTimestamp } from "../format/time.ts";

type Args = readonly unknown[] | undefined;

const arg = (args: Args, index: number): unknown => args?.[index];
const addr = (value: unknown): string =>
  typeof value === "string" ? shortAddress(value) : "this account";
const token = (value: unknown): string =>
  typeof value === "bigint" ? tokenLabel(value) : "this record";
const when = (value: unknown): string =>
  typeof value === "bigint" ? formatTimestamp(value) : "the given time";

/**
 * Every custom error of the contracts (IBioDentalNFT, ISoulboundERC721, OpenZeppelin's
 * AccessControl) in one sentence a member can act on. A test checks that every error in the
 * generated ABI has an entry here.
 */
export const contractErrorMessages: Record<string, (args: Args) => string> = {
  BioDentalUnauthorized: (a) =>
    `Only the owner of ${token(arg(a, 1))} can do this, and ${addr(arg(a, 0))} is not its owner.`,
  BioDentalMalformedCid: () =>
    "The record pointer is not a valid IPFS CID with a sha2-256 hash, so the upload probably failed. Try again.",
  BioDentalInvalidScopes: () =>
    "Choose at least one permission: read the record, present it at booths, or both.",
  BioDentalInvalidExpiry: (a) =>
    `The access must end in the future, and ${when(arg(a, 0))} has already passed.`,
  BioDentalInvalidGrantee: (a) =>
    `You cannot grant access to ${addr(arg(a, 0))}: it is the empty address or you, the owner, who already has every right.`,
  BioDentalNoGrant: (a) =>
    `${addr(arg(a, 1))} holds no access to ${token(arg(a, 0))}, so there is nothing to revoke.`,
  BioDentalSignatureExpired: (a) =>
    `The signed permission expired at ${when(arg(a, 0))}. Sign a new one.`,
  BioDentalInvalidSignature: (a) =>
    `The signature is not from the owner ${addr(arg(a, 0))}, or it was made for another chain, contract or nonce.`,
  BioDentalInvalidEncryptionKey: () =>
    "That encryption key is empty. Derive your key again and retry.",
  BioDentalInvalidTitle: () =>
    'The public title must be at most 64 plain characters, without " \\ < > or &.',
  BioDentalInvalidBoothName: () => "A booth name must have between 1 and 64 characters.",
  BioDentalInvalidBooth: () => "The booth address is empty.",
  BioDentalBoothAlreadyActive: (a) =>
    `The booth ${addr(arg(a, 0))} is already registered and active.`,
  BioDentalBoothNotActive: (a) =>
    `The booth ${addr(arg(a, 0))} is not registered or already inactive.`,
  BioDentalTransferDisabled: (a) =>
    `${token(arg(a, 0))} cannot be transferred: health records are not for sale.`,
  BioDentalApprovalDisabled: () =>
    "Records cannot be approved for anyone else to move: they are bound to their owner.",
  BioDentalNonexistentToken: (a) => `${token(arg(a, 0))} does not exist, or its owner erased it.`,
  BioDentalInvalidOwner: (a) => `${addr(arg(a, 0))} cannot own records.`,
  AccessControlUnauthorizedAccount: (a) =>
    `Only festival organizers can do this, and ${addr(arg(a, 0))} is not one.`,
  AccessControlBadConfirmation: () => "Role changes must be confirmed by the account itself.",
  // OpenZeppelin's ShortStrings (EIP-712 domain name): only reachable at deployment.
  InvalidShortString: () => "The contract's signing domain name is invalid (a deployment problem).",
  StringTooLong: () => "A text value is too long for the contract.",
};
