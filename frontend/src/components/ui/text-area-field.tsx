import { type TextareaHTMLAttributes, useId } from 'react';
import { FieldMessages } from './field-messages';
import { describedBy, fieldControlClassName, fieldLabelClassName } from './field-styles';

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  hint?: string;
  error?: string;
};

export function TextAreaField({ label, hint, error, id, className = '', rows = 6, ...textAreaProps }: TextAreaFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;

  return (
    <div className={className}>
      <label htmlFor={inputId} className={fieldLabelClassName}>
        {label}
      </label>
      <textarea
        id={inputId}
        rows={rows}
        aria-describedby={describedBy(inputId, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`${fieldControlClassName} resize-y`}
        {...textAreaProps}
      />
      <FieldMessages inputId={inputId} hint={hint} error={error} />
    </div>
  );
}
