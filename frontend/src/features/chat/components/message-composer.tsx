import { SendHorizontal } from 'lucide-react';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { byteLength, maxFrameBytes, messageFrame } from '../lib/client-id';

// A client_id is a 36-character UUID: the frame's size can be measured before one is made.
const sampleClientId = '00000000-0000-4000-8000-000000000000';
const frameOverhead = byteLength(messageFrame('', sampleClientId));
/** What the text itself may take (JSON escapes count: a quote or a new line takes two bytes). */
const maxContentBytes = maxFrameBytes - frameOverhead;

/** Shown once a message nears the limit: the room left (or the excess) in characters, as a writer counts them. */
const hintFrom = Math.floor(maxContentBytes * 0.8);

/**
 * The frame limit is in bytes, but a writer thinks in characters: a plain character takes one byte, so the bytes left
 * are the characters left for English text (Hindi or emoji take more, and the count drops faster).
 */
function lengthHint(size: number): string {
  if (size > maxContentBytes) return `Too long: remove about ${(size - maxContentBytes).toLocaleString()} characters`;
  if (size >= hintFrom) return `About ${(maxContentBytes - size).toLocaleString()} characters left`;
  return '';
}

type MessageComposerProps = {
  disabled: boolean;
  disabledReason?: string;
  onSend: (content: string) => void;
};

/** The message box: Enter sends, Shift+Enter starts a new line; the counter follows the 4 KB frame limit. */
export function MessageComposer({ disabled, disabledReason, onSend }: MessageComposerProps) {
  const [text, setText] = useState('');
  const inputId = useId();
  const counterId = useId();
  const size = byteLength(messageFrame(text, sampleClientId)) - frameOverhead;
  const tooLong = size > maxContentBytes;
  const canSend = !disabled && text.trim() !== '' && !tooLong;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(text.trim());
    setText('');
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="border-t border-slate-200 bg-white p-3">
      <label htmlFor={inputId} className="sr-only">
        Message
      </label>
      <div className="flex items-end gap-2">
        <textarea
          id={inputId}
          rows={2}
          value={text}
          disabled={disabled}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={handleKeyDown}
          placeholder={disabled ? disabledReason : 'Ask your coach anything…'}
          aria-describedby={counterId}
          aria-invalid={tooLong || undefined}
          className="block max-h-48 min-h-[2.75rem] flex-1 resize-y rounded-lg border-0 px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50 disabled:text-slate-500"
        />
        <Button type="submit" disabled={!canSend}>
          <SendHorizontal aria-hidden="true" className="size-4" />
          Send
        </Button>
      </div>
      <p id={counterId} aria-live="polite" className={`mt-1 min-h-4 text-right text-xs ${tooLong ? 'font-semibold text-red-700' : 'text-slate-600'}`}>
        {lengthHint(size)}
      </p>
    </form>
  );
}
