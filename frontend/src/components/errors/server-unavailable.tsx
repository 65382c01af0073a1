import { CloudOff } from 'lucide-react';
import { Button } from '@/components/ui/button';

export function ServerUnavailable({ onRetry }: { onRetry: () => void }) {
  return (
    <section aria-labelledby="server-unavailable-title" className="mx-auto max-w-lg py-16 text-center">
      <CloudOff aria-hidden="true" className="mx-auto size-12 text-slate-400" />
      <h1 id="server-unavailable-title" className="mt-4 text-2xl font-bold tracking-tight text-slate-900">
        We can't reach Ottobon Jobs
      </h1>
      <p className="mt-2 text-slate-600">Your session is kept. Check your connection and try again.</p>
      <Button className="mt-6" onClick={onRetry}>
        Try again
      </Button>
    </section>
  );
}
