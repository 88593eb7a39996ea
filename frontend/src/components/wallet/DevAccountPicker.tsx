import { type Address, getAddress } from "viem";
import { useConnection } from "wagmi";
import { devWalletProvider } from "../../lib/devWallet/devWalletInstance.ts";
import { shortAddress } from "../../lib/format/tokenId.ts";
import { useDevWalletAccounts } from "../../hooks/useDevWalletAccounts.ts";

/** Picks which local Hardhat account the dev wallet acts as. */
export function DevAccountPicker() {
  const connection = useConnection();
  const accounts = useDevWalletAccounts(true);
  if (!accounts.data?.length) return null;
  return (
    <label className="field compact">
      <span>Act as (local account)</span>
      <select
        data-testid="dev-account-picker"
        value={connection.address ?? ""}
        onChange={(event) =>
          devWalletProvider.selectAccount(getAddress(event.target.value) as Address)
        }
      >
        {accounts.data.map((account, index) => (
          <option key={account} value={account}>
            #{index} {shortAddress(account)}
          </option>
        ))}
      </select>
    </label>
  );
}
