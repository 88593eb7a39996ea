// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { UserRejectedRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { IpfsNodeUnreachableError } from "#lib/ipfs/errors.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";

describe("ErrorNotice", () => {
  it("is an alert with the humanised words and its kind", () => {
    render(<ErrorNotice error={new UserRejectedRequestError(new Error("denied"))} />);
    const alert = screen.getByRole("alert");
    expect(alert.getAttribute("data-error-kind")).toBe("rejected");
    expect(alert.textContent).toMatch(/declined/);
  });

  it("tells an IPFS outage apart from a chain outage", () => {
    render(<ErrorNotice error={new IpfsNodeUnreachableError("http://127.0.0.1:5001")} />);
    expect(screen.getByRole("alert").textContent).toMatch(/IPFS node/);
  });
});
