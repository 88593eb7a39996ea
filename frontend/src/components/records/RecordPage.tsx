import type { ReactNode } from "react";
import { useRecordPointerRead, type RecordPointer } from "../../hooks/useRecordPointerRead.ts";
import { useDeploymentStatus } from "../../hooks/useDeploymentStatus.ts";
import { parseTokenIdParam } from "../../lib/format/tokenId.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { Link } from "../ui/Link.tsx";
import { PageSpinner } from "../ui/PageSpinner.tsx";
import { RecordHeader } from "./RecordHeader.tsx";

/** The frame of every /records/:tokenId page: resolves the token, shows its header, then the section. */
export function RecordPage({
  tokenIdParam,
  children,
}: {
  tokenIdParam: string | undefined;
  children: (tokenId: bigint, pointer: RecordPointer) => ReactNode;
}) {
  const tokenId = parseTokenIdParam(tokenIdParam);
  const status = useDeploymentStatus();
  const pointer = useRecordPointerRead(tokenId);
  if (tokenId === undefined) return <NotARecord text="This address does not name a record." />;
  if (status.state !== "ready" && status.state !== "checking")
    return (
      <p className="muted">This record appears as soon as the blockchain node is reachable.</p>
    );
  if (pointer.error) return <ErrorNotice error={pointer.error} />;
  if (pointer.isPending) return <PageSpinner label="Reading the record…" />;
  if (!pointer.pointer)
    return <NotARecord text="This record does not exist, or its owner erased it." />;
  return (
    <section className="page">
      <RecordHeader tokenId={tokenId} pointer={pointer.pointer} />
      {children(tokenId, pointer.pointer)}
    </section>
  );
}

function NotARecord({ text }: { text: string }) {
  return (
    <section className="page narrow" data-testid="record-missing">
      <h1>No such record</h1>
      <p>{text}</p>
      <Link href="/records" className="button">
        My records
      </Link>
    </section>
  );
}
