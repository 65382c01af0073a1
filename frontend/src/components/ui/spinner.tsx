import { LoaderCircle } from 'lucide-react';

const sizes = { sm: 'size-4', md: 'size-6', lg: 'size-10' } as const;

export function Spinner({ size = 'md' }: { size?: keyof typeof sizes }) {
  return <LoaderCircle aria-hidden="true" className={`${sizes[size]} animate-spin`} />;
}

/** Shown while something the whole page depends on (like the session) is loading. */
export function FullPageSpinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div role="status" className="flex min-h-[50vh] items-center justify-center text-indigo-600">
      <Spinner size="lg" />
      <span className="sr-only">{label}</span>
    </div>
  );
}
