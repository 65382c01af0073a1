/** The look shared by text inputs, text areas and selects. */
export const fieldControlClassName =
  'mt-1 block w-full scroll-mt-24 rounded-lg border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-indigo-600 focus:outline-none disabled:bg-slate-50 disabled:text-slate-500 aria-invalid:ring-red-500';

export const fieldLabelClassName = 'block text-sm font-medium text-slate-700';

/** The ids a control is described by: its hint and its error, when present. */
export function describedBy(inputId: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${inputId}-hint`, error && `${inputId}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
