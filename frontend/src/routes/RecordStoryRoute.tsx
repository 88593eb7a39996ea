import { type FormEvent, useId, useState } from "react";
import { isAddressEqual } from "viem";
import { useConnection } from "wagmi";
import type { RecordProgress } from "#lib/records/progress.ts";
import { RecordPage } from "../components/records/RecordPage.tsx";
import { ErrorNotice } from "../components/ui/ErrorNotice.tsx";
import { Link } from "../components/ui/Link.tsx";
import { StepList } from "../components/ui/StepList.tsx";
import { useConsentToggle } from "../hooks/useConsentToggle.ts";
import { useProgressLog } from "../hooks/useProgressLog.ts";
import { usePublicProfileRead } from "../hooks/usePublicProfileRead.ts";
import { useStoryPublish } from "../hooks/useStoryPublish.ts";
import { useStoryText } from "../hooks/useStoryText.ts";
import { parseTokenUri } from "../lib/format/tokenUri.ts";
import {
  PUBLISH_STORY_PLAN,
  type PlannedStep,
  planSteps,
  transactionPlan,
} from "../lib/records/progressPlan.ts";
import { publicTitleProblem } from "../lib/records/publicTitle.ts";
import type { RouteProps } from "./routeTable.ts";

const CONSENT_PLAN: readonly PlannedStep<{ stage: string }>[] = transactionPlan(
  "setConsent",
  "Update consent",
);

export default function RecordStoryRoute({ params }: RouteProps) {
  const connection = useConnection();
  return (
    <RecordPage tokenIdParam={params.tokenId}>
      {(tokenId, pointer) =>
        connection.address && isAddressEqual(connection.address, pointer.owner) ? (
          <StoryEditor tokenId={tokenId} tokenUri={pointer.tokenUri} />
        ) : (
          <p className="muted">Only the owner decides what is public about this record.</p>
        )
      }
    </RecordPage>
  );
}

function StoryEditor({ tokenId, tokenUri }: { tokenId: bigint; tokenUri: string | undefined }) {
  const id = useId();
  const profile = usePublicProfileRead(tokenId);
  const storyText = useStoryText(parseTokenUri(tokenUri)?.storyCid);
  const publish = useStoryPublish();
  const consent = useConsentToggle();
  const publishLog = useProgressLog<RecordProgress>();
  const consentLog = useProgressLog<RecordProgress>();
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);
  const titleProblem = publicTitleProblem(title.trim());
  const textProblem = text.trim() ? undefined : "Write the story you want to share.";
  const isPublic = profile.consent === true;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (titleProblem || textProblem) return;
    publishLog.reset();
    publish.mutate({
      tokenId,
      title: title.trim(),
      text: text.trim(),
      onProgress: publishLog.push,
    });
  };

  return (
    <>
      <section className="card" aria-labelledby={`${id}-consent`} data-testid="consent-panel">
        <h2 id={`${id}-consent`}>Emotional Echoes</h2>
        {isPublic ? (
          <>
            <p>
              <span className="pill ok" data-testid="consent-state">
                Public
              </span>{" "}
              “{profile.title}” is in the <Link href="/echoes">Emotional Echoes gallery</Link>.
            </p>
            {storyText.data ? (
              <blockquote className="journal">{storyText.data.text}</blockquote>
            ) : null}
          </>
        ) : (
          <p>
            <span className="pill" data-testid="consent-state">
              Private
            </span>{" "}
            Nothing about this record is shown publicly. The record itself always stays encrypted,
            whatever you choose here.
          </p>
        )}
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={isPublic}
            disabled={consent.isPending || profile.isPending}
            onChange={(event) => {
              consentLog.reset();
              consent.mutate({
                tokenId,
                consent: event.target.checked,
                onProgress: consentLog.push,
              });
            }}
            data-testid="consent-toggle"
          />
          Show my story publicly
        </label>
        <p className="hint">
          Turning this off hides the title and story from the app and the token's metadata.
          Everything ever sent in a transaction stays in the chain's history.
        </p>
        {consent.isPending || consent.isError ? (
          <StepList
            steps={planSteps(CONSENT_PLAN, consentLog.events, consent.status)}
            label="Consent progress"
          />
        ) : null}
        {consent.error ? <ErrorNotice error={consent.error} /> : null}
      </section>

      <form
        className="card"
        onSubmit={submit}
        noValidate
        aria-labelledby={`${id}-publish`}
        data-testid="story-form"
      >
        <h2 id={`${id}-publish`}>{isPublic ? "Replace your public story" : "Share a story"}</h2>
        <p className="muted">
          This text is stored on IPFS in clear, for everyone to read. Do not include anything you
          want to keep private.
        </p>
        <div className="field">
          <label className="field">
            <span>Title (plain characters, up to 64)</span>
            <input
              type="text"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              maxLength={64}
              aria-invalid={touched && Boolean(titleProblem)}
              data-testid="story-title"
            />
          </label>
          {touched && titleProblem ? <span className="field-error">{titleProblem}</span> : null}
        </div>
        <div className="field">
          <label className="field">
            <span>Your story</span>
            <textarea
              rows={5}
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-invalid={touched && Boolean(textProblem)}
              data-testid="story-text"
            />
          </label>
          {touched && textProblem ? <span className="field-error">{textProblem}</span> : null}
        </div>
        <button
          type="submit"
          className="button"
          disabled={publish.isPending}
          data-testid="story-publish"
        >
          {publish.isPending ? "Publishing…" : "Publish to Emotional Echoes"}
        </button>
        {publish.isPending || publish.isError ? (
          <StepList
            steps={planSteps(PUBLISH_STORY_PLAN, publishLog.events, publish.status)}
            label="Publish progress"
          />
        ) : null}
        {publish.isSuccess ? (
          <p className="notice notice-ok" role="status" data-testid="story-published">
            Published. It now appears in <Link href="/echoes">Emotional Echoes</Link>.
          </p>
        ) : null}
        {publish.error ? <ErrorNotice error={publish.error} /> : null}
      </form>
    </>
  );
}
