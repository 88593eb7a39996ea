import { HttpError } from "../http/http-error.ts";
import { sendJson, type ApiContext, type ApiHandler } from "./api-context.ts";

/** Identifies the implementation honestly: clients only parse the fields, not the values. */
function agentVersion(context: ApiContext): string {
  return `biodental-ipfs-node/0.1.0 ${context.core.helia.info.name}/${context.core.helia.info.version}`;
}

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
    AgentVersion: agentVersion(context),
    Protocols: [],
  });
};

/** POST /api/v0/version. */
export const handleVersion: ApiHandler = async (context, _req, res) => {
  sendJson(res, {
    Version: context.core.helia.info.version,
    Commit: "",
    Repo: "helia-fs",
    System: `${process.arch}/${process.platform}`,
    Golang: "",
    Implementation: agentVersion(context),
  });
};
