import { type ChangeEvent, type TextareaHTMLAttributes, useId, useState } from 'react';
import { Markdown } from '@/components/markdown/markdown';
import { FieldMessages } from '@/components/ui/field-messages';
import { describedBy, fieldControlClassName, fieldLabelClassName } from '@/components/ui/field-styles';

type MarkdownDescriptionFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue'> & {
  label: string;
  hint?: string;
  error?: string;
  /** Controlled text; leave out to let the field keep its own (read it from the form). */
  value?: string;
};

const modes = [
  { id: 'write', label: 'Write' },
  { id: 'preview', label: 'Preview' },
] as const;
type Mode = (typeof modes)[number]['id'];

/**
 * A job description written in Markdown, with a short syntax hint and a preview that renders it as the job page
 * will. The text box stays in the form while the preview shows (hidden), so the form still reads and submits it.
 */
export function MarkdownDescriptionField({
  label,
  hint,
  error,
  id,
  value,
  onChange,
  rows = 10,
  ...textAreaProps
}: MarkdownDescriptionFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const syntaxId = `${inputId}-syntax`;
  const [mode, setMode] = useState<Mode>('write');
  const [ownText, setOwnText] = useState('');
  const text = value ?? ownText;
  // A mistake to fix shows the text box, so the error and the text are side by side.
  const previewing = mode === 'preview' && !error;

  const change = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setOwnText(event.target.value);
    onChange?.(event);
  };

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={inputId} className={fieldLabelClassName}>
          {label}
        </label>
        <div role="group" aria-label="Write or preview" className="inline-flex rounded-lg bg-slate-100 p-0.5">
          {modes.map((option) => (
            <button
              key={option.id}
              type="button"
              aria-pressed={(option.id === 'preview') === previewing}
              onClick={() => setMode(option.id)}
              className={`rounded-md px-3 py-1 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                (option.id === 'preview') === previewing ? 'bg-white text-indigo-700 shadow-sm' : 'text-slate-600 hover:text-slate-900'
              }`}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      <textarea
        id={inputId}
        rows={rows}
        hidden={previewing}
        aria-describedby={`${describedBy(inputId, hint, error) ?? ''} ${syntaxId}`.trim()}
        aria-invalid={error ? true : undefined}
        className={`${fieldControlClassName} resize-y`}
        value={value}
        onChange={change}
        {...textAreaProps}
      />
      {previewing && (
        <section
          aria-label={`${label} preview`}
          className="mt-1 min-h-24 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset"
        >
          {text.trim() ? (
            <Markdown text={text} headings className="leading-relaxed text-slate-800" />
          ) : (
            <p className="text-sm text-slate-600">Nothing to preview yet.</p>
          )}
        </section>
      )}
      <p id={syntaxId} className="mt-1 text-xs text-slate-600">
        Markdown works here: <code>## Heading</code>, <code>- bullet</code>, <code>**bold**</code>,{' '}
        <code>[link](https://…)</code>. A single line break is kept.
      </p>
      <FieldMessages inputId={inputId} hint={hint} error={error} />
    </div>
  );
}
