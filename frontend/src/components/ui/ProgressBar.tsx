export type ProgressBarProps = {
  label: string;
  /** 0..1, or undefined while the length of the work is unknown. */
  value: number | undefined;
  testId?: string;
};

/** A labelled progress bar; the native element gives screen readers the value. */
export function ProgressBar({ label, value, testId }: ProgressBarProps) {
  const percent =
    value === undefined ? undefined : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-label">
        <span>{label}</span>
        {percent !== undefined ? <span aria-hidden="true">{percent}%</span> : null}
      </div>
      <progress max={100} value={percent} aria-label={label} />
    </div>
  );
}
