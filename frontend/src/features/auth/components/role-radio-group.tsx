import { useId } from 'react';
import type { SignupRole } from '../api/signup';

const roleOptions: { value: SignupRole; label: string; description: string }[] = [
  { value: 'seeker', label: 'Job seeker', description: 'Find internships and early-career jobs.' },
  { value: 'provider', label: 'Job provider', description: 'Post jobs and reach new talent.' },
];

type RoleRadioGroupProps = {
  name: string;
  value: SignupRole;
  onChange: (role: SignupRole) => void;
};

export function RoleRadioGroup({ name, value, onChange }: RoleRadioGroupProps) {
  const legendId = useId();

  return (
    <fieldset role="radiogroup" aria-labelledby={legendId}>
      <legend id={legendId} className="text-sm font-medium text-slate-700">
        I am a
      </legend>
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        {roleOptions.map((option) => {
          const inputId = `${legendId}-${option.value}`;
          return (
            <label
              key={option.value}
              htmlFor={inputId}
              className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-300 ring-inset has-checked:bg-indigo-50 has-checked:ring-2 has-checked:ring-indigo-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600"
            >
              <input
                id={inputId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-labelledby={`${inputId}-label`}
                aria-describedby={`${inputId}-description`}
                className="mt-0.5 size-4 accent-indigo-600 focus:outline-none"
              />
              <span>
                <span id={`${inputId}-label`} className="block text-sm font-semibold text-slate-900">
                  {option.label}
                </span>
                <span id={`${inputId}-description`} className="block text-xs text-slate-600">
                  {option.description}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
