import { Button } from '@/components/ui/button';
import type { useEarlierMessages } from '@/lib/use-earlier-messages';

/** The button (and its error) while older messages exist; nothing otherwise. */
export function EarlierMessagesButton({ className, ...state }: ReturnType<typeof useEarlierMessages> & { className?: string }) {
  const { pages, earlier } = state;
  if (!pages.hasEarlier || pages.before === null) return null;
  const before = pages.before;
  return (
    <div className={`flex flex-col items-center gap-1 ${className ?? ''}`}>
      <Button variant="ghost" disabled={earlier.isPending} onClick={() => earlier.mutate(before)}>
        {earlier.isPending ? 'Loading earlier messages…' : 'Show earlier messages'}
      </Button>
      {earlier.isError && (
        <p role="alert" className="text-xs text-red-700">
          We couldn't load the earlier messages. {earlier.error.message}
        </p>
      )}
    </div>
  );
}
