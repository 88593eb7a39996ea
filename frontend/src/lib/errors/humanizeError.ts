import { contractErrorMessages } from "./contractErrorMessages.ts";

export type ErrorKind =
  | "rejected"
  | "chain-down"
  | "ipfs-down"
  | "expired-grant"
  | "no-access"
  | "contract"
  | "wrong-chain"
  | "funds"
  | "key"
  | "tampered"
  | "invalid"
  | "unknown";

export type HumanError = {
  kind: ErrorKind;
  /** One short line, e.g. a heading. */
  title: string;
  /** What happened and what to do, in plain words. */
  message: string;
  /** The decoded revert, e.g. `BioDentalNoGrant(…)`, for people who want it. */
  technical?: string | undefined;
};

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  shortMessage?: unknown;
  message?: unknown;
  cause?: unknown;
  data?: unknown;
  status?: unknown;
};

function chainOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 12; depth++) {
    chain.push(current as ErrorLike);
    current = (current as ErrorLike).cause;
  }
  return chain;
}

const NAMED: Record<string, { kind: ErrorKind; title: string; message: string }> = {
  ChainUnreachableError: {
    kind: "chain-down",
    title: "Blockchain node unreachable",
    message:
      "The blockchain node does not answer. If you run the local stack, start it with `npm start` and try again.",
  },
  DeploymentNotFoundError: {
    kind: "chain-down",
    title: "No contract on this network",
    message:
      "The app has no Bio-Dental contract for this network. Run `npm start`, which deploys it.",
  },
  IpfsNodeUnreachableError: {
    kind: "ipfs-down",
    title: "IPFS node unreachable",
    message:
      "The IPFS node does not answer, so encrypted records cannot be stored or fetched. Start it (`npm start` or `npm run ipfs`) and try again.",
  },
  IpfsNotFoundError: {
    kind: "ipfs-down",
    title: "Record content not found",
    message:
      "The IPFS node does not have this record's encrypted content. It may have been unpinned, or pinned on another node.",
  },
  UploadTooLargeError: {
    kind: "invalid",
    title: "Too large for the IPFS node",
    message: "The IPFS node refused the upload for its size. Remove or shrink an attachment.",
  },
  IpfsRequestError: {
    kind: "ipfs-down",
    title: "IPFS request refused",
    message: "The IPFS node refused the request. Try again; if it persists, check the node's log.",
  },
  GrantExpiredError: {
    kind: "expired-grant",
    title: "Access expired",
    message: "Your access to this record has expired. Ask the owner for a new grant.",
  },
  AccessDeniedError: {
    kind: "no-access",
    title: "No access",
    message:
      "You have no read access to this record: the owner revoked it or never granted reading.",
  },
  NotARecipientError: {
    kind: "no-access",
    title: "Not readable with your key",
    message:
      "This version was encrypted without your key: the owner re-encrypted it after revoking access, or you registered a new key after the grant.",
  },
  GranteeHasNoKeyError: {
    kind: "key",
    title: "They have no encryption key yet",
    message:
      "This person has not registered an encryption key, so the record cannot be encrypted for them. Ask them to open the app and set up their key (one signature), then grant again. Presenting at booths needs no key.",
  },
  WrongRecipientKeyError: {
    kind: "key",
    title: "Wrong key",
    message:
      "Your encryption key does not open this record. If you changed wallets or keys, the owner must grant access again.",
  },
  EncryptionKeyMismatchError: {
    kind: "key",
    title: "Different key registered",
    message:
      "The key your wallet derives is not the one registered for this account. Restore it from your passphrase backup, or register the new key (records shared with the old key must then be shared again).",
  },
  NoRegisteredKeyError: {
    kind: "key",
    title: "No encryption key",
    message: "This account has not registered an encryption key yet.",
  },
  NonDeterministicWalletError: {
    kind: "key",
    title: "Your wallet cannot derive a stable key",
    message:
      "It signs the same message differently each time. Use a passphrase-protected key instead.",
  },
  WrongPassphraseError: {
    kind: "key",
    title: "Wrong passphrase",
    message: "That passphrase does not open the key backup. Check it and try again.",
  },
  InvalidKeyBackupError: {
    kind: "invalid",
    title: "Unreadable key backup",
    message: "The key backup is damaged or not a Bio-Dental backup.",
  },
  SegmentAuthenticationError: {
    kind: "tampered",
    title: "Record tampered with",
    message:
      "Part of the encrypted record failed its integrity check: it was modified or does not belong to this record. Nothing unverified is shown.",
  },
  TruncatedPayloadError: {
    kind: "tampered",
    title: "Record incomplete",
    message: "The encrypted record is cut short. Nothing unverified is shown.",
  },
  TrailingDataError: {
    kind: "tampered",
    title: "Record tampered with",
    message: "Extra data follows the encrypted record. Nothing unverified is shown.",
  },
  BindingMismatchError: {
    kind: "tampered",
    title: "Record from elsewhere",
    message: "This ciphertext belongs to another record or version, so it is not shown.",
  },
  HeaderAuthenticationError: {
    kind: "tampered",
    title: "Record tampered with",
    message: "The encrypted record's header was modified after it was written.",
  },
  InvalidEnvelopeHeaderError: {
    kind: "invalid",
    title: "Not a Bio-Dental record",
    message: "The stored file is not an encrypted Bio-Dental record.",
  },
  RecordPayloadError: {
    kind: "tampered",
    title: "Unreadable record",
    message: "The decrypted record is not in the expected format.",
  },
  RecordNotFoundError: {
    kind: "invalid",
    title: "Record not found",
    message: "This record does not exist, or its owner erased it.",
  },
  TokenIdMismatchError: {
    kind: "invalid",
    title: "Another mint got there first",
    message:
      "Another record was minted from this account at the same moment. Nothing was minted: try again.",
  },
  TransactionRevertedError: {
    kind: "contract",
    title: "Transaction reverted",
    message: "The transaction was mined but failed. Nothing changed.",
  },
  ChainMismatchError: {
    kind: "wrong-chain",
    title: "Wrong network",
    message: "Your wallet is on another network. Switch networks and try again.",
  },
  ConnectorChainMismatchError: {
    kind: "wrong-chain",
    title: "Wrong network",
    message: "Your wallet is on another network. Switch networks and try again.",
  },
  InsufficientFundsError: {
    kind: "funds",
    title: "Not enough funds",
    message: "This account cannot pay the transaction fee.",
  },
  PreconditionError: { kind: "invalid", title: "One step first", message: "" },
};

const REJECTED_CODES = new Set([4001, 5000]);

/**
 * Turns anything thrown by wagmi, viem, the shared library or the app into words for members.
 * Branches on `name` and EIP-1193 `code`, never on message text, except for the network-level
 * `TypeError` of fetch, which has nothing else to tell it apart.
 *
 * @example
 * const { title, message } = humanizeError(simulate.error)
 */
export function humanizeError(error: unknown): HumanError {
  const chain = chainOf(error);

  // A user rejection wraps everything else (viem puts it inside ContractFunctionExecutionError).
  if (
    chain.some(
      (e) =>
        e.name === "UserRejectedRequestError" ||
        (typeof e.code === "number" && REJECTED_CODES.has(e.code)),
    )
  ) {
    return {
      kind: "rejected",
      title: "Cancelled in your wallet",
      message: "You declined the request in your wallet. Nothing was sent or signed.",
    };
  }

  const revert = chain.find((e) => e.name === "ContractFunctionRevertedError") as
    (ErrorLike & { data?: { errorName?: string; args?: readonly unknown[] } }) | undefined;
  const errorName = revert?.data?.errorName;
  if (errorName) {
    const sentence = contractErrorMessages[errorName];
    const technical = `${errorName}(${(revert?.data?.args ?? []).map(String).join(", ")})`;
    return {
      kind: "contract",
      title: "The contract would refuse this",
      message: sentence ? sentence(revert?.data?.args) : `The contract refused with ${errorName}.`,
      technical,
    };
  }

  const validation = chain.find((e) => e.name === "RecordValidationError") as
    (ErrorLike & { issues?: { path: string; message: string }[] }) | undefined;
  if (validation) {
    const issues = validation.issues ?? [];
    return {
      kind: "invalid",
      title: "Check the form",
      message: issues.length
        ? issues.map((issue) => `${issue.path || "record"}: ${issue.message}`).join("; ")
        : String(validation.shortMessage),
    };
  }

  for (const e of chain) {
    const named = typeof e.name === "string" ? NAMED[e.name] : undefined;
    if (named) {
      const shortMessage = typeof e.shortMessage === "string" ? e.shortMessage : undefined;
      // Messages of our own preconditions are written for members already.
      return named.message
        ? { ...named, technical: shortMessage }
        : { ...named, message: shortMessage ?? "" };
    }
  }

  if (
    chain.some(
      (e) =>
        e.name === "HttpRequestError" ||
        e.name === "TimeoutError" ||
        e.name === "WebSocketRequestError" ||
        (e.name === "DevWalletRpcError" && e.code === -32603),
    )
  ) {
    return { ...(NAMED.ChainUnreachableError as HumanError) };
  }
  if (
    chain.some(
      (e) =>
        e.name === "TypeError" && typeof e.message === "string" && /fetch|network/i.test(e.message),
    )
  ) {
    return {
      kind: "chain-down",
      title: "Network error",
      message:
        "A service did not answer. Check that the local stack is running (`npm start`) and try again.",
    };
  }

  const top = chain[0];
  const text =
    typeof top?.shortMessage === "string"
      ? top.shortMessage
      : typeof top?.message === "string"
        ? top.message
        : String(error);
  return { kind: "unknown", title: "Something went wrong", message: text.split("\n")[0] ?? text };
}
