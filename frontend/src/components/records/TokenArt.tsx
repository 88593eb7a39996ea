import { parseTokenUri } from "../../lib/format/tokenUri.ts";

export type TokenArtProps = {
  tokenUri: string | undefined;
  label: string;
  size?: "small" | "full";
};

/** The token's on-chain SVG (a data: URI, so it loads without any network request). */
export function TokenArt({ tokenUri, label, size = "full" }: TokenArtProps) {
  const image = parseTokenUri(tokenUri)?.image;
  if (!image)
    return (
      <div
        className={`token-art ${size === "small" ? "small" : ""}`}
        role="img"
        aria-label={`${label} (art loading)`}
      />
    );
  return (
    <img
      className={`token-art ${size === "small" ? "small" : ""}`}
      src={image}
      alt={`Art of ${label}`}
      width={320}
      height={320}
      loading="lazy"
      decoding="async"
    />
  );
}
