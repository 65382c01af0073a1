import { type ComponentType, lazy, Suspense } from 'react';
import { FullPageSpinner } from '@/components/ui/spinner';

/**
 * A page whose code is fetched the first time it renders, i.e. after its route guard let the user in: a seeker
 * never downloads provider or admin pages. Each page gets its own Suspense boundary, so navigating to a page not
 * loaded yet shows the loading status instead of silently keeping the old page.
 */
export function lazyPage(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<FullPageSpinner label="Loading page" />}>
      <Page />
    </Suspense>
  );
}
