export type StepState = "pending" | "active" | "done" | "failed";

/** One step of a multi-step operation, with its progress (0..1) while it runs. */
export type Step = {
  id: string;
  label: string;
  state: StepState;
  progress?: number | undefined;
  detail?: string | undefined;
};
