/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_CHAIN_ID?: string;
  readonly VITE_RPC_URL?: string;
  readonly VITE_IPFS_API_URL?: string;
  readonly VITE_IPFS_API_TOKEN?: string;
  readonly VITE_IPFS_GATEWAY_URL?: string;
  readonly VITE_HEALTH_URL?: string;
  readonly VITE_CONTRACT_ADDRESS?: string;
  readonly VITE_DEPLOYMENT_BLOCK?: string;
}
