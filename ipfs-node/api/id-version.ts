import { createRequire } from "node:module";
import { HttpError } from "../http/http-error.ts";
import { sendJson, type ApiHandler } from "./api-context.ts";

const require = createRequire(import.meta.url);
const HELIA_VERSION: string = (require("helia/package.json") as { version: string }).version;

/** Identifies the implementation honestly: clients only parse the fields, not the values. */
export const AGENT_VERSION = `biodental-ipfs-node/0.1.0 helia/${HELIA_VERSION}`;

/** POST /api/v0/id: Kubo's shape; the node is offline so it lists no addresses or protocols. */
export const handleId: ApiHandler = async (context, _req, res, params) => {
  const arg = params.get("arg");
  if (arg !== null && arg !== "" && arg !== context.core.identity.id) {
    throw new HttpError(400, "this node is offline and can only describe itself");
  }
  sendJson(res, {
    ID: context.core.identity.id,
    PublicKey: context.core.identity.publicKey,
    Addresses: [],
    AgentVersion: AGENT_VERSION,
    Protocols: [],
  });
};

/** POST /api/v0/version. */
export const handleVersion: ApiHandler = async (_context, _req, res) => {
  sendJson(res, {
    Version: HELIA_VERSION,
    Commit: "",
    Repo: "helia-fs",
    System: `${process.arch}/${process.platform}`,
    Golang: "",
    Implementation: AGENT_VERSION,
  });
};
