import type { Step } from "../../lib/steps.ts";
import { ProgressBar } from "./ProgressBar.tsx";

/**
 * A multi-step operation (encrypt → pin → mint): every step with its state and, while active,
 * a progress bar. The list is a live region so the member hears each step start and finish.
 */
export function StepList({ steps, label }: { steps: Step[]; label: string }) {
  return (
    <ol className="steps" aria-label={label} aria-live="polite">
      {steps.map((step) => (
        <li
          key={step.id}
          className={`step step-${step.state}`}
          data-testid={`step-${step.id}`}
          data-state={step.state}
        >
          <span className="step-icon" aria-hidden="true">
            {step.state === "done"
              ? "✓"
              : step.state === "failed"
                ? "!"
                : step.state === "active"
                  ? "…"
                  : "○"}
          </span>
          <div className="step-body">
            <span className="step-label">
              {step.label}
              <span className="visually-hidden"> — {step.state}</span>
            </span>
            {step.state === "active" || (step.state === "done" && step.progress !== undefined) ? (
              <ProgressBar
                label={step.label}
                value={step.state === "done" ? 1 : step.progress}
                testId={`progress-${step.id}`}
              />
            ) : null}
            {step.detail ? <span className="step-detail">{step.detail}</span> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
