import { type FormEvent, useId, useState } from "react";
import { type Address, getAddress, isAddress, isAddressEqual } from "viem";
import type { EncryptionKeyPair } from "#lib/crypto/keys/deriveEncryptionKey.ts";
import type { RecordProgress } from "#lib/records/progress.ts";
import { SCOPE_PRESENT, SCOPE_READ } from "#lib/records/scopes.ts";
import { useAccessGrant } from "../../hooks/useAccessGrant.ts";
import { useProgressLog } from "../../hooks/useProgressLog.ts";
import { useRegisteredKeyRead } from "../../hooks/useRegisteredKeyRead.ts";
import { formatTimestamp } from "../../lib/format/time.ts";
import { shortAddress } from "../../lib/format/tokenId.ts";
import { EXPIRY_PRESETS, type ExpiryChoice, expiresAtOf } from "../../lib/records/expiry.ts";
import { GRANT_PLAN, planSteps } from "../../lib/records/progressPlan.ts";
import { ErrorNotice } from "../ui/ErrorNotice.tsx";
import { StepList } from "../ui/StepList.tsx";
import { GrantDoneNotice } from "./GrantDoneNotice.tsx";

/** Grant READ and/or PRESENT until a preset or a date; warns first when READ cannot be delivered. */
export function GrantForm({
  tokenId,
  owner,
  keyPair,
}: {
  tokenId: bigint;
  owner: Address;
  keyPair: EncryptionKeyPair;
}) {
  const id = useId();
  const grant = useAccessGrant();
  const progress = useProgressLog<RecordProgress>();
  const [granteeText, setGranteeText] = useState("");
  const [read, setRead] = useState(true);
  const [present, setPresent] = useState(false);
  const [expiry, setExpiry] = useState<ExpiryChoice>({ preset: "1w" });
  const [touched, setTouched] = useState(false);

  const grantee = isAddress(granteeText.trim()) ? getAddress(granteeText.trim()) : undefined;
  const granteeKey = useRegisteredKeyRead(grantee);
  const scopes = (read ? SCOPE_READ : 0) | (present ? SCOPE_PRESENT : 0);
  const errors: Record<string, string> = {};
  if (!grantee)
    errors.grantee = granteeText.trim()
      ? "This is not an Ethereum address (0x followed by 40 hex characters)."
      : "Enter the address of the person to share with.";
  else if (isAddressEqual(grantee, owner))
    errors.grantee = "That is you: as the owner you already have every right.";
  if (scopes === 0) errors.scopes = "Choose at least one permission.";
  const expiresAt = expiresAtOf(expiry, Date.now());
  if (!expiresAt.ok) errors.expiry = expiresAt.reason;
  const noKey =
    read && grantee !== undefined && granteeKey.status === "ready" && !granteeKey.registered;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length > 0 || noKey || !grantee || !expiresAt.ok) return;
    progress.reset();
    grant.mutate({
      tokenId,
      grantee,
      scopes,
      expiresAt: expiresAt.expiresAt,
      keyPair,
      onProgress: progress.push,
    });
  };

  const show = (key: string) =>
    touched && errors[key] ? (
      <span className="field-error" id={`${id}-${key}`}>
        {errors[key]}
      </span>
    ) : null;

  return (
    <form
      className="card"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="grant-form"
    >
      <h2 id={`${id}-title`}>Share this record</h2>
      <div className="field">
        <label className="field">
          <span>Their wallet address</span>
          <input
            type="text"
            value={granteeText}
            onChange={(event) => setGranteeText(event.target.value)}
            placeholder="0x…"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={touched && Boolean(errors.grantee)}
            aria-describedby={`${id}-grantee`}
            data-testid="grantee-input"
          />
        </label>
        {show("grantee")}
      </div>

      {noKey ? (
        <div className="notice notice-warn" role="status" data-testid="grantee-no-key">
          <p className="notice-title">{shortAddress(grantee)} has no encryption key yet</p>
          <p>
            The record can only be encrypted for someone who registered a key. Ask them to open this
            app, connect and choose “Set up your encryption key” (one signature), then share again.
            {present ? " You can grant presenting alone now: untick “Read”." : ""}
          </p>
        </div>
      ) : null}

      <fieldset aria-describedby={`${id}-scopes`}>
        <legend>They may</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={read}
            onChange={(event) => setRead(event.target.checked)}
            data-testid="scope-read"
          />
          Read the record (decrypt it)
        </label>{" "}
        <label className="choice">
          <input
            type="checkbox"
            checked={present}
            onChange={(event) => setPresent(event.target.checked)}
            data-testid="scope-present"
          />
          Present it at festival booths
        </label>
        {show("scopes")}
      </fieldset>

      <fieldset aria-describedby={`${id}-expiry`}>
        <legend>Until</legend>
        <div className="choice-row">
          {EXPIRY_PRESETS.map((preset) => (
            <label key={preset.id} className="choice">
              <input
                type="radio"
                name={`${id}-expiry`}
                checked={expiry.preset === preset.id}
                onChange={() => setExpiry({ preset: preset.id })}
                data-testid={`expiry-${preset.id}`}
              />
              {preset.label}
            </label>
          ))}
          <label className="choice">
            <input
              type="radio"
              name={`${id}-expiry`}
              checked={expiry.preset === "custom"}
              onChange={() => setExpiry({ preset: "custom", localDateTime: "" })}
              data-testid="expiry-custom"
            />
            A date
          </label>
        </div>
        {expiry.preset === "custom" ? (
          <label className="field" style={{ marginTop: "0.5rem" }}>
            <span>Access ends at</span>
            <input
              type="datetime-local"
              value={expiry.localDateTime}
              onChange={(event) =>
                setExpiry({ preset: "custom", localDateTime: event.target.value })
              }
              data-testid="expiry-date"
            />
          </label>
        ) : null}
        {expiresAt.ok ? <p className="hint">Ends {formatTimestamp(expiresAt.expiresAt)}.</p> : null}
        {show("expiry")}
      </fieldset>

      <button
        type="submit"
        className="button"
        disabled={grant.isPending || noKey}
        data-testid="grant-submit"
      >
        {grant.isPending ? "Sharing…" : "Share"}
      </button>
      {grant.isPending || grant.isError ? (
        <StepList
          steps={planSteps(GRANT_PLAN, progress.events, grant.status)}
          label="Grant progress"
        />
      ) : null}
      {/* Who was granted, not whatever the address field holds since. */}
      {grant.isSuccess ? (
        <GrantDoneNotice tokenId={tokenId} grantee={grant.variables.grantee} />
      ) : null}
      {grant.error ? <ErrorNotice error={grant.error} /> : null}
    </form>
  );
}
