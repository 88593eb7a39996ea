import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorNotice } from "./ErrorNotice.tsx";

type State = { error: unknown };

/** Keeps a crashing page from taking the header and navigation with it. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Shown to the member below; nothing to report to.
  }

  override render() {
    if (this.state.error !== undefined) {
      return (
        <section className="page narrow">
          <ErrorNotice error={this.state.error} />
          <button
            type="button"
            className="button"
            onClick={() => this.setState({ error: undefined })}
          >
            Try again
          </button>
        </section>
      );
    }
    return this.props.children;
  }
}
