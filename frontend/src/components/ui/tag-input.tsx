import { X } from 'lucide-react';
import { type ClipboardEvent, type KeyboardEvent, useId, useState } from 'react';
import { FieldMessages } from './field-messages';
import { describedBy, fieldLabelClassName } from './field-styles';

type TagInputProps = {
  label: string;
  /** The tags, in order. */
  value: string[];
  onChange: (tags: string[]) => void;
  hint?: string;
  error?: string;
  placeholder?: string;
  id?: string;
};

/**
 * Type a tag and press Enter or comma; pasting "a, b, c" adds three. Backspace in the empty box removes the
 * last tag, and each tag has its own remove button. Text left in the box is added when it loses focus.
 */
export function TagInput({ label, value, onChange, hint, error, placeholder, id }: TagInputProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const [text, setText] = useState('');

  const addTags = (raw: string) => {
    const candidates = raw.split(',').map((tag) => tag.trim()).filter(Boolean);
    const next = [...value];
    for (const tag of candidates) {
      if (!next.some((existing) => existing.toLowerCase() === tag.toLowerCase())) next.push(tag);
    }
    if (next.length !== value.length) onChange(next);
  };

  const commitText = () => {
    if (!text.trim()) return;
    addTags(text);
    setText('');
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commitText();
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  const handlePaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!pasted.includes(',')) return;
    event.preventDefault();
    addTags(text + pasted);
    setText('');
  };

  return (
    <div>
      <label htmlFor={inputId} className={fieldLabelClassName}>
        {label}
      </label>
      <div
        className={`mt-1 flex flex-wrap items-center gap-1.5 rounded-lg bg-white px-2 py-1.5 shadow-sm ring-1 ring-inset focus-within:ring-2 focus-within:ring-indigo-600 ${
          error ? 'ring-red-500' : 'ring-slate-300'
        }`}
      >
        {value.length > 0 && (
          <ul aria-label={`${label} added`} className="contents">
            {value.map((tag) => (
              <li
                key={tag}
                className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-2.5 text-sm font-medium text-indigo-700"
              >
                {tag}
                <button
                  type="button"
                  onClick={() => onChange(value.filter((existing) => existing !== tag))}
                  className="rounded-full p-0.5 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
                  aria-label={`Remove ${tag}`}
                >
                  <X aria-hidden="true" className="size-3.5" />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={inputId}
          value={text}
          onChange={(event) => {
            const next = event.target.value;
            // A comma typed on a phone keyboard (no keydown key) still separates tags.
            if (next.includes(',')) {
              addTags(next);
              setText('');
            } else {
              setText(next);
            }
          }}
          onKeyDown={handleKeyDown}
          onPaste={handlePaste}
          onBlur={commitText}
          placeholder={value.length === 0 ? placeholder : undefined}
          aria-describedby={describedBy(inputId, hint, error)}
          aria-invalid={error ? true : undefined}
          className="min-w-32 flex-1 scroll-mt-24 border-0 bg-transparent px-1 py-0.5 text-slate-900 placeholder:text-slate-500 focus:outline-none"
        />
      </div>
      <FieldMessages inputId={inputId} hint={hint} error={error} />
    </div>
  );
}
