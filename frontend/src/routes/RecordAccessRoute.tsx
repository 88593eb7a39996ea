import { isAddressEqual } from "viem";
import { useConnection } from "wagmi";
import { GrantForm } from "../components/access/GrantForm.tsx";
import { GrantList } from "../components/access/GrantList.tsx";
import { KeyGate } from "../components/keys/KeyGate.tsx";
import { RecordPage } from "../components/records/RecordPage.tsx";
import type { RouteProps } from "./routeTable.ts";

export default function RecordAccessRoute({ params }: RouteProps) {
  const connection = useConnection();
  return (
    <RecordPage tokenIdParam={params.tokenId}>
      {(tokenId, pointer) =>
        connection.address && isAddressEqual(connection.address, pointer.owner) ? (
          <KeyGate purpose="to share the record's key">
            {(keyPair) => (
              <>
                <GrantForm tokenId={tokenId} owner={pointer.owner} keyPair={keyPair} />
                <GrantList tokenId={tokenId} keyPair={keyPair} />
              </>
            )}
          </KeyGate>
        ) : (
          <p className="muted">Only the owner manages who can access this record.</p>
        )
      }
    </RecordPage>
  );
}
