import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import HomeRoute from "./HomeRoute.tsx";

export type RouteProps = { params: Record<string, string> };

export type RouteDefinition = {
  pattern: string;
  title: string;
  component: ComponentType<RouteProps> | LazyExoticComponent<ComponentType<RouteProps>>;
};

/**
 * Every page but the landing page is its own chunk, so the crypto, QR, camera and chart code
 * loads only on the pages that use it. The landing page is in the entry chunk: it is what a
 * visitor sees first, and a lazy chunk would add a round trip before the first render.
 */
export const routeTable: RouteDefinition[] = [
  { pattern: "/", title: "Home", component: HomeRoute },
  {
    pattern: "/onboarding",
    title: "Your encryption key",
    component: lazy(() => import("./OnboardingRoute.tsx")),
  },
  { pattern: "/mint", title: "New record", component: lazy(() => import("./MintRoute.tsx")) },
  { pattern: "/records", title: "My records", component: lazy(() => import("./RecordsRoute.tsx")) },
  {
    pattern: "/records/:tokenId",
    title: "Record",
    component: lazy(() => import("./RecordDetailRoute.tsx")),
  },
  {
    pattern: "/records/:tokenId/update",
    title: "New version",
    component: lazy(() => import("./RecordUpdateRoute.tsx")),
  },
  {
    pattern: "/records/:tokenId/access",
    title: "Access",
    component: lazy(() => import("./RecordAccessRoute.tsx")),
  },
  {
    pattern: "/records/:tokenId/story",
    title: "Public story",
    component: lazy(() => import("./RecordStoryRoute.tsx")),
  },
  {
    pattern: "/shared",
    title: "Shared with me",
    component: lazy(() => import("./SharedRoute.tsx")),
  },
  {
    pattern: "/echoes",
    title: "Emotional Echoes",
    component: lazy(() => import("./EchoesRoute.tsx")),
  },
  // The booth pages: the member's presentation QR and the kiosk verifier (`/verify#bdp1.…`).
  {
    pattern: "/present",
    title: "Present at a booth",
    component: lazy(() => import("./booth/PresentAtBoothRoute.tsx")),
  },
  {
    pattern: "/verify",
    title: "Verify a presentation",
    component: lazy(() => import("./booth/BoothKioskRoute.tsx")),
  },
];
