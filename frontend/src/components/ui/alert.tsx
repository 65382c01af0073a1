import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';

const tones = {
  error: { className: 'bg-red-50 text-red-800 ring-red-200', Icon: CircleAlert },
  success: { className: 'bg-emerald-50 text-emerald-800 ring-emerald-200', Icon: CircleCheck },
  info: { className: 'bg-sky-50 text-sky-900 ring-sky-200', Icon: Info },
  warning: { className: 'bg-amber-50 text-amber-900 ring-amber-200', Icon: TriangleAlert },
} as const;

type AlertProps = { tone: keyof typeof tones; children: ReactNode; className?: string };

/** Errors are announced at once (role="alert"); everything else politely (role="status"). */
export function Alert({ tone, children, className = '' }: AlertProps) {
  const { className: toneClassName, Icon } = tones[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`flex items-start gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-inset ${toneClassName} ${className}`}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
