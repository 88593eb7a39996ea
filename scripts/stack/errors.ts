import { BaseError } from "#lib/errors/base.ts";

/** A port the stack needs is taken by something it cannot reuse. */
export class PortBusyError extends BaseError {
  override name = "PortBusyError";
  readonly service: string;
  readonly port: number;
  constructor({
    service,
    host,
    port,
    option,
  }: {
    service: string;
    host: string;
    port: number;
    option: string;
  }) {
    super(`Port ${port} (${service}) on ${host} is already in use by another program.`, {
      metaMessages: [
        `Find it with \`lsof -i :${port}\` or \`ss -ltnp 'sport = :${port}'\` and stop it,`,
        `or run the stack on another port: \`npm start -- ${option} <port>\`.`,
      ],
    });
    this.service = service;
    this.port = port;
  }
}

/** A child service exited or never became healthy while the stack was starting. */
export class ServiceStartError extends BaseError {
  override name = "ServiceStartError";
  readonly service: string;
  constructor({
    service,
    reason,
    logFile,
    logTail,
  }: {
    service: string;
    reason: string;
    logFile?: string;
    logTail?: string;
  }) {
    super(`Could not start ${service}: ${reason}.`, {
      metaMessages: [
        ...(logTail
          ? ["Last lines of its output:", ...logTail.split("\n").map((line) => `  ${line}`)]
          : []),
        ...(logFile ? [`Full log: ${logFile}`] : []),
      ],
    });
    this.service = service;
  }
}

/** The member app (engineer-owned frontend/) is not in this checkout. */
export class AppMissingError extends BaseError {
  override name = "AppMissingError";
  constructor({ configFile }: { configFile: string }) {
    super(`The member app is missing: ${configFile} does not exist.`, {
      metaMessages: ["Run the stack without it (`npm start -- --no-app`) or restore frontend/."],
    });
  }
}

/** Another `npm start` already owns this stack's state folder. */
export class StackAlreadyRunningError extends BaseError {
  override name = "StackAlreadyRunningError";
  constructor({ pid, stateDir }: { pid: number; stateDir: string }) {
    super(`Another local stack is already running (process ${pid}, state in ${stateDir}).`, {
      metaMessages: [
        `Stop it with Ctrl-C in its terminal (or \`kill ${pid}\`) and start again,`,
        "or run a second stack on other ports with its own data folder (`npm start -- --data-dir .data/second --chain-port …`).",
      ],
    });
  }
}

/** The recorded local deployment cannot be used and may not be replaced automatically. */
export class DeploymentError extends BaseError {
  override name = "DeploymentError";
}
