import { CircleAlert, CircleCheck } from 'lucide-react';
import type { ReactNode } from 'react';

const tones = {
  error: { className: 'bg-red-50 text-red-800 ring-red-200', Icon: CircleAlert },
  success: { className: 'bg-emerald-50 text-emerald-800 ring-emerald-200', Icon: CircleCheck },
} as const;

type AlertProps = { tone: keyof typeof tones; children: ReactNode };

/** Errors are announced at once (role="alert"); successes politely (role="status"). */
export function Alert({ tone, children }: AlertProps) {
  const { className, Icon } = tones[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`flex items-start gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-inset ${className}`}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div>{children}</div>
    </div>
  );
}
