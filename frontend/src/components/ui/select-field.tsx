import { type SelectHTMLAttributes, useId } from 'react';
import { fieldControlClassName, fieldLabelClassName } from './field-styles';

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  options: { value: string; label: string }[];
};

export function SelectField({ label, options, id, className = '', ...selectProps }: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;

  return (
    <div className={className}>
      <label htmlFor={selectId} className={fieldLabelClassName}>
        {label}
      </label>
      <select id={selectId} className={`${fieldControlClassName} pr-8`} {...selectProps}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
