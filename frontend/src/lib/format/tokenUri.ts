export type TokenMetadata = {
  name: string;
  description: string;
  /** A data: URI of the on-chain SVG art. */
  image: string | undefined;
  /** The public story's CID (base32 v1) when the owner consents and has one. */
  storyCid: string | undefined;
};

/**
 * Reads the contract's on-chain `data:application/json;base64,…` token URI. Returns undefined for
 * anything else, so an unexpected renderer cannot break a gallery.
 *
 * @example
 * parseTokenUri(await readContract({ functionName: "tokenURI", args: [tokenId] }))?.image
 */
export function parseTokenUri(uri: string | undefined): TokenMetadata | undefined {
  const prefix = "data:application/json;base64,";
  if (!uri?.startsWith(prefix)) return undefined;
  try {
    const bytes = Uint8Array.from(atob(uri.slice(prefix.length)), (c) => c.charCodeAt(0));
    const json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const image =
      typeof json.image === "string" && json.image.startsWith("data:image/svg+xml")
        ? json.image
        : undefined;
    const external = typeof json.external_url === "string" ? json.external_url : "";
    return {
      name: typeof json.name === "string" ? json.name : "",
      description: typeof json.description === "string" ? json.description : "",
      image,
      storyCid: external.startsWith("ipfs://") ? external.slice("ipfs://".length) : undefined,
    };
  } catch {
    return undefined;
  }
}
