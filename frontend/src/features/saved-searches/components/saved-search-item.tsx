import { Pencil, Search, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { formatDateTime } from '@/lib/format';
import { type AlertFrequency, frequencyOptions, resultsPath, type SavedSearch } from '@/lib/saved-searches';
import { useChangeSavedSearch, useDeleteSavedSearch } from '../api/saved-searches';

const minFitOptions = [60, 70, 80, 90].map((value) => ({ value: String(value), label: `${value}% or more` }));

const kindLabels: Record<SavedSearch['kind'], string> = { browse: 'Browse', smart: 'Smart search', recommended: 'Fits my resume' };

function describe(search: SavedSearch): string {
  if (search.kind === 'smart') return `“${search.question}”`;
  if (search.kind === 'recommended') return 'New jobs that fit your resume';
  const f = search.filters ?? {};
  const parts = [f.q && `“${f.q}”`, f.company, f.location && `in ${f.location}`, f.skill, ...(f.job_type ?? []), ...(f.work_mode ?? []), ...(f.experience ?? [])];
  return parts.filter(Boolean).join(' · ') || 'All jobs';
}

/** One saved search: what it runs, its alerts (frequency, and the minimum fit for the recommended one), rename, delete and its results. */
export function SavedSearchItem({ search }: { search: SavedSearch }) {
  const change = useChangeSavedSearch();
  const remove = useDeleteSavedSearch();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(search.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const headingId = `saved-search-${search.id}`;

  const rename = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ id: search.id, name: name.trim() }, { onSuccess: () => setRenaming(false) });
  };

  return (
    <li aria-labelledby={headingId} className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold break-words text-slate-900">{search.name}</h2>
          <p className="text-sm break-words text-slate-600">
            {kindLabels[search.kind]}: {describe(search)}
          </p>
          <p className="text-xs text-slate-600">
            {search.last_alert_at ? `Last alert ${formatDateTime(search.last_alert_at)}` : 'No alert yet'}
            {search.new_matches > 0 && ` · ${search.new_matches} new ${search.new_matches === 1 ? 'match' : 'matches'}`}
            {search.pending_matches > 0 && ` (${search.pending_matches} waiting for the digest)`}
          </p>
        </div>
        <Link
          to={resultsPath(search)}
          className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <Search aria-hidden="true" className="size-4" />
          Show results
        </Link>
      </div>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField
          label="Alerts"
          value={search.frequency}
          disabled={change.isPending}
          onChange={(e) => change.mutate({ id: search.id, frequency: e.target.value as AlertFrequency })}
          options={frequencyOptions}
        />
        {search.kind === 'recommended' && (
          <SelectField
            label="Minimum fit score"
            value={String(search.min_fit ?? 70)}
            disabled={change.isPending}
            onChange={(e) => change.mutate({ id: search.id, min_fit: Number(e.target.value) })}
            options={minFitOptions}
          />
        )}
      </div>

      {renaming ? (
        <form onSubmit={rename} className="flex flex-wrap items-end gap-2" aria-label={`Rename ${search.name}`}>
          <TextField label="New name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required className="min-w-0 flex-1" />
          <Button type="submit" isLoading={change.isPending} disabled={name.trim() === ''}>Save</Button>
          <Button variant="ghost" onClick={() => setRenaming(false)}>Cancel</Button>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => { setName(search.name); setRenaming(true); }}>
            <Pencil aria-hidden="true" className="size-4" />
            Rename<span className="sr-only"> {search.name}</span>
          </Button>
          {confirmDelete ? (
            <>
              <Button variant="danger" isLoading={remove.isPending} onClick={() => remove.mutate(search.id)}>
                Yes, delete<span className="sr-only"> {search.name}</span>
              </Button>
              <Button variant="ghost" onClick={() => setConfirmDelete(false)}>Keep it</Button>
            </>
          ) : (
            <Button variant="ghost" onClick={() => setConfirmDelete(true)}>
              <Trash2 aria-hidden="true" className="size-4" />
              Delete<span className="sr-only"> {search.name}</span>
            </Button>
          )}
        </div>
      )}
      {(change.error || remove.error) && <Alert tone="error">{(change.error ?? remove.error)!.message}</Alert>}
    </li>
  );
}
