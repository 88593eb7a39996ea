import type { StackHandle } from "./start-stack.ts";

/**
 * The table `npm start` prints once everything answers its health check.
 *
 * @example
 * console.log(formatStatusTable(stack))
 */
export function formatStatusTable(stack: StackHandle): string {
  const mark = (ok: boolean): string => (ok ? "✔" : "✘");
  const rows: [string, string, string][] = [
    [
      "Chain",
      `${stack.urls.rpc}  (chain id ${stack.chainId}, ${stack.services.chain})`,
      mark(stack.health.chain.ok),
    ],
    [
      "Contract",
      `BioDentalNFT ${stack.addresses.bioDental}  (${stack.deployment.status}, block ${stack.deployment.deploymentBlock})`,
      mark(stack.health.contract.ok),
    ],
    [
      "IPFS API",
      `${stack.urls.ipfsApi}/api/v0  (${stack.services.ipfs})`,
      mark(stack.health.ipfsApi.ok),
    ],
    ["IPFS gateway", `${stack.urls.ipfsGateway}/ipfs/<cid>`, mark(stack.health.ipfsGateway.ok)],
    [
      "App",
      stack.urls.app ?? "not started (--no-app)",
      stack.urls.app ? mark(stack.health.app.ok) : "–",
    ],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(
    ([label, value, status]) => `  ${status} ${label.padEnd(labelWidth)}  ${value}`,
  );
  const accounts = stack.accounts.map(
    (account) =>
      `    #${String(account.index).padEnd(2)} ${account.address}  ${account.role.padEnd(12)} ${account.name}`,
  );
  return [
    "",
    "Bio-Dental local stack is ready",
    "",
    ...lines,
    "",
    "  Demo accounts (Hardhat's well-known dev keys: never use them on a real network):",
    ...accounts,
    "",
    `  Logs: ${stack.logsDir}`,
    "  Press Ctrl-C to stop everything.",
    "",
  ].join("\n");
}
