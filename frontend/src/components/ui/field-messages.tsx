/** A field's hint and validation error, linked to the control through describedBy(). */
export function FieldMessages({ inputId, hint, error }: { inputId: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${inputId}-error`} className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
