import { type InputHTMLAttributes, useId } from 'react';
import { FieldMessages } from './field-messages';
import { describedBy, fieldControlClassName, fieldLabelClassName } from './field-styles';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  /** A validation message; marks the input invalid and describes it. */
  error?: string;
};

export function TextField({ label, hint, error, id, className = '', ...inputProps }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;

  return (
    <div className={className}>
      <label htmlFor={inputId} className={fieldLabelClassName}>
        {label}
      </label>
      <input
        id={inputId}
        aria-describedby={describedBy(inputId, hint, error)}
        aria-invalid={error ? true : undefined}
        className={fieldControlClassName}
        {...inputProps}
      />
      <FieldMessages inputId={inputId} hint={hint} error={error} />
    </div>
  );
}
