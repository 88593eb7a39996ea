import {
  BaseError as ViemBaseError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  HttpRequestError,
  UserRejectedRequestError,
  encodeErrorResult,
} from "viem";
import { describe, expect, it } from "vitest";
import { bioDentalNftAbi } from "#lib/generated/bioDentalNft.ts";
import { IpfsNodeUnreachableError } from "#lib/ipfs/errors.ts";
import { GrantExpiredError } from "#lib/records/errors.ts";
import { contractErrorMessages } from "./contractErrorMessages.ts";
import { humanizeError } from "./humanizeError.ts";

const owner = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

function revert(errorName: string, args: readonly unknown[]) {
  const data = encodeErrorResult({ abi: bioDentalNftAbi, errorName, args } as never);
  const reverted = new ContractFunctionRevertedError({
    abi: bioDentalNftAbi,
    data,
    functionName: "grantAccess",
  });
  return new ContractFunctionExecutionError(reverted, {
    abi: bioDentalNftAbi,
    functionName: "grantAccess",
    args: [],
  });
}

describe("humanizeError", () => {
  describe("when the contract would revert", () => {
    it("names the decoded custom error in words and keeps the technical form", () => {
      const human = humanizeError(revert("BioDentalInvalidGrantee", [owner]));
      expect(human.kind).toBe("contract");
      expect(human.message).toContain("0xf39F…2266");
      expect(human.message).toMatch(/cannot grant access/);
      expect(human.technical).toBe(`BioDentalInvalidGrantee(${owner})`);
    });

    it("has a sentence for every custom error in the generated ABI", () => {
      const errorNames = bioDentalNftAbi
        .filter((item) => item.type === "error")
        .map((item) => item.name);
      expect(errorNames.length).toBeGreaterThan(10);
      for (const name of errorNames) expect(contractErrorMessages, name).toHaveProperty(name);
    });
  });

  describe("when the member declines in the wallet", () => {
    it("says so, even when wrapped by viem", () => {
      const wrapped = new ViemBaseError("write failed", {
        cause: new UserRejectedRequestError(new Error("User rejected the request.")),
      });
      expect(humanizeError(wrapped).kind).toBe("rejected");
    });

    it("recognises a bare EIP-1193 4001 error", () => {
      expect(humanizeError({ code: 4001, message: "denied" }).kind).toBe("rejected");
    });
  });

  describe("when a service is down", () => {
    it("tells the chain node apart", () => {
      const error = new HttpRequestError({ url: "http://127.0.0.1:8545", details: "fetch failed" });
      expect(humanizeError(error).kind).toBe("chain-down");
    });

    it("tells the IPFS node apart", () => {
      expect(humanizeError(new IpfsNodeUnreachableError("http://127.0.0.1:5001")).kind).toBe(
        "ipfs-down",
      );
    });
  });

  describe("when a grant has expired", () => {
    it("has its own message", () => {
      const human = humanizeError(
        new GrantExpiredError({ tokenId: 1n, account: owner, expiresAt: 1_700_000_000n }),
      );
      expect(human.kind).toBe("expired-grant");
      expect(human.message).toMatch(/expired/);
    });
  });

  it("falls back to the short message of unknown errors", () => {
    expect(humanizeError(new Error("first line\nsecond")).message).toBe("first line");
  });
});
