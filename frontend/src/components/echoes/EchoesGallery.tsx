import { useDeploymentStatus } from "../../hooks/useDeploymentStatus.ts";
import { usePublicStoriesList } from "../../hooks/usePublicStoriesList.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { PageSpinner } from "../ui/PageSpinner.tsx";
import { EchoCard } from "./EchoCard.tsx";

/** The public gallery; degrades to a sentence when the chain is not reachable. */
export function EchoesGallery({ limit }: { limit?: number }) {
  const status = useDeploymentStatus();
  const list = usePublicStoriesList({ limit });
  if (status.state === "checking") return <PageSpinner label="Looking for shared stories…" />;
  if (status.state !== "ready") {
    return (
      <p className="muted" data-testid="echoes-unavailable">
        The gallery appears as soon as the blockchain node is reachable.
      </p>
    );
  }
  if (list.error) return <ErrorNotice error={list.error} />;
  if (list.isPending) return <PageSpinner label="Looking for shared stories…" />;
  if (list.stories.length === 0) {
    return (
      <p className="empty" data-testid="echoes-empty">
        No stories shared yet. Yours could be the first echo.
      </p>
    );
  }
  return (
    <div className="grid three" data-testid="echoes-gallery">
      {list.stories.map((story) => (
        <EchoCard key={story.tokenId.toString()} story={story} />
      ))}
    </div>
  );
}
