import { useReadContract } from "wagmi";
import { bioDentalContract } from "../../lib/contract.ts";
import { tokenLabel } from "../../lib/format/tokenId.ts";
import { TokenArt } from "./TokenArt.tsx";

/** A token's on-chain art, read by itself (for a single record page or a fresh mint). */
export function TokenArtLive({
  tokenId,
  size = "full",
}: {
  tokenId: bigint;
  size?: "small" | "full";
}) {
  const uri = useReadContract({ ...bioDentalContract, functionName: "tokenURI", args: [tokenId] });
  return <TokenArt tokenUri={uri.data} label={tokenLabel(tokenId)} size={size} />;
}
