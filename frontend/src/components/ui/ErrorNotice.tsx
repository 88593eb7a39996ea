import { humanizeError } from "../../lib/errors/humanizeError.ts";

export type ErrorNoticeProps = { error: unknown; onDismiss?: () => void; testId?: string };

/** A failed action in plain words; announced to screen readers as it appears. */
export function ErrorNotice({ error, onDismiss, testId = "error-notice" }: ErrorNoticeProps) {
  const human = humanizeError(error);
  return (
    <div
      className={`notice notice-error kind-${human.kind}`}
      role="alert"
      data-testid={testId}
      data-error-kind={human.kind}
    >
      <p className="notice-title">{human.title}</p>
      <p>{human.message}</p>
      {human.technical ? (
        <details>
          <summary>Technical detail</summary>
          <code>{human.technical}</code>
        </details>
      ) : null}
      {onDismiss ? (
        <button type="button" className="button-link" onClick={onDismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
