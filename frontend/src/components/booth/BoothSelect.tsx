import type { Address } from "viem";
import type { BoothEntry } from "../../hooks/useBoothDirectory.ts";
import { shortAddress } from "../../lib/format/tokenId.ts";

export type BoothSelectProps = {
  booths: BoothEntry[];
  value: Address | undefined;
  onChange: (booth: Address) => void;
  label: string;
  /** Show deactivated booths too (disabled), so a member sees why theirs is missing. */
  includeInactive?: boolean;
};

/** A booth picker with the names the organizer registered on-chain. */
export function BoothSelect({
  booths,
  value,
  onChange,
  label,
  includeInactive = true,
}: BoothSelectProps) {
  const shown = includeInactive ? booths : booths.filter((booth) => booth.active);
  return (
    <label className="field">
      <span>{label}</span>
      <select
        value={value ?? ""}
        onChange={(event) => event.target.value && onChange(event.target.value as Address)}
        data-testid="booth-select"
      >
        <option value="" disabled>
          {shown.length === 0 ? "No booths registered yet" : "Choose a booth…"}
        </option>
        {shown.map((booth) => (
          <option key={booth.address} value={booth.address} disabled={!booth.active}>
            {booth.name} ({shortAddress(booth.address)}){booth.active ? "" : " — closed"}
          </option>
        ))}
      </select>
    </label>
  );
}
