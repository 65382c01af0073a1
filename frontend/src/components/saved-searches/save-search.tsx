import { BellPlus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { paths } from '@/config/paths';
import { type AlertFrequency, type BrowseFilters, frequencyOptions, useCreateSavedSearch } from '@/lib/saved-searches';

type SaveSearchProps = {
  /** What to save: Browse's current filters, or Smart search's question. */
  search: { kind: 'browse'; filters: BrowseFilters } | { kind: 'smart'; question: string };
  /** The name offered (the search words, say). */
  suggestedName: string;
};

/**
 * "Save this search": a small form (name, how often to hear about new jobs) that opens in place. Once saved it says
 * so and links to the Saved searches page.
 */
export function SaveSearch({ search, suggestedName }: SaveSearchProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(suggestedName);
  const [frequency, setFrequency] = useState<AlertFrequency>('instant');
  const create = useCreateSavedSearch();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...search, name: name.trim(), frequency });
  };

  if (create.isSuccess) {
    return (
      <Alert tone="success">
        Saved “{create.data.name}”. <Link to={paths.seeker.savedSearches} className="font-semibold underline hover:no-underline">Manage saved searches</Link>
      </Alert>
    );
  }

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => { setName(suggestedName); setOpen(true); }}>
        <BellPlus aria-hidden="true" className="size-4" />
        Save this search
      </Button>
    );
  }

  return (
    <form onSubmit={submit} aria-label="Save this search" className="space-y-3 rounded-lg bg-white p-3 ring-1 ring-slate-200">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        <SelectField
          label="Tell me about new jobs"
          value={frequency}
          onChange={(e) => setFrequency(e.target.value as AlertFrequency)}
          options={frequencyOptions}
        />
      </div>
      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" isLoading={create.isPending} disabled={name.trim() === ''}>Save search</Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
