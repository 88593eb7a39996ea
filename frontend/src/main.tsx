import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";
import { AppRouter } from "./routes/AppRouter.tsx";
import { createQueryClient } from "./lib/queryClient.ts";
import { wagmiConfig } from "./wagmi.ts";
import "./styles/app.css";

const queryClient = createQueryClient();

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <AppRouter />
      </QueryClientProvider>
    </WagmiProvider>
  </StrictMode>,
);
