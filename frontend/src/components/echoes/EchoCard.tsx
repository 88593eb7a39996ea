import { tokenLabel } from "../../lib/format/tokenId.ts";
import type { PublicStory } from "../../hooks/usePublicStoriesList.ts";
import { useStoryText } from "../../hooks/useStoryText.ts";
import { TokenArt } from "../records/TokenArt.tsx";

/** One consented story: on-chain art and title, the story text from IPFS. */
export function EchoCard({ story }: { story: PublicStory }) {
  const text = useStoryText(story.storyCid);
  const label = story.title || tokenLabel(story.tokenId);
  return (
    <article
      className="card echo-card"
      data-testid="echo-card"
      data-token-id={story.tokenId.toString()}
    >
      <div className="echo-head">
        <TokenArt tokenUri={story.tokenUri} label={label} size="small" />
        <h3>{label}</h3>
      </div>
      {story.storyCid ? (
        text.data ? (
          <blockquote>{text.data.text}</blockquote>
        ) : text.isError ? (
          <p className="muted">The story could not be fetched from IPFS right now.</p>
        ) : text.fetchStatus === "idle" ? (
          <p className="muted">The story lives on IPFS, which is unreachable right now.</p>
        ) : (
          <p className="muted" aria-busy="true">
            Fetching the story…
          </p>
        )
      ) : (
        <p className="muted">A title, shared without a story.</p>
      )}
    </article>
  );
}
