import { Suspense, useEffect, useRef } from "react";
import { Layout } from "../components/layout/Layout.tsx";
import { PageSpinner } from "../components/ui/PageSpinner.tsx";
import { RouteErrorBoundary } from "../components/ui/RouteErrorBoundary.tsx";
import { matchPath, usePath } from "../lib/router.ts";
import { NotFound } from "./NotFound.tsx";
import { routeTable } from "./routeTable.ts";

export function AppRouter() {
  const path = usePath();
  const found = routeTable
    .map((route) => ({ route, match: matchPath(route.pattern, path) }))
    .find((candidate) => candidate.match !== undefined);

  // After an in-app navigation, move focus to the new page so screen readers start reading there.
  const previousPath = useRef(path);
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [path]);

  useEffect(() => {
    document.title = `${found?.route.title ?? "Not found"} · Bio-Dental`;
  }, [found?.route.title]);

  const Page = found?.route.component;
  return (
    <Layout>
      <RouteErrorBoundary key={path}>
        <Suspense fallback={<PageSpinner />}>
          {Page && found?.match ? <Page params={found.match.params} /> : <NotFound />}
        </Suspense>
      </RouteErrorBoundary>
    </Layout>
  );
}
