import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { applicationPath } from '@/config/paths';
import {
  allowedMoves,
  applicationStageLabel,
  applicationStages,
  type ApplicationStage,
  type ApplicationSummary,
} from '@/lib/applications';
import { formatDate } from '@/lib/format';
import { moveErrorMessage, useMoveApplication } from '../api/applications';
import { FitScore, JobArchivedBadge, ProviderStage } from './application-badges';

type BoardProps = {
  applications: ApplicationSummary[];
  /** The stage filter the list was loaded with (its cache entry is the one moved optimistically). */
  stage: ApplicationStage | null;
};

/** The drag payload: the application's id (a custom type, so text dropped from elsewhere is ignored). */
const dragType = 'application/x-ottobon-application';

/**
 * The tracker's board: one column per stage. Cards are dragged between the columns a move allows; keyboard and
 * screen-reader users use each card's "Move to…" select, and every move (or refusal) is announced.
 */
export function ApplicationBoard({ applications, stage }: BoardProps) {
  const move = useMoveApplication(stage);
  const [announcement, setAnnouncement] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dragged, setDragged] = useState<ApplicationSummary | null>(null);
  // After a keyboard move the card is rendered in another column: focus follows it to its select there.
  const focusAfterMove = useRef<string | null>(null);
  const selects = useRef(new Map<string, HTMLSelectElement>());

  useEffect(() => {
    const select = focusAfterMove.current && selects.current.get(focusAfterMove.current);
    if (!select) return;
    select.focus();
    focusAfterMove.current = null;
  }, [applications]);

  const moveTo = (application: ApplicationSummary, target: ApplicationStage, fromKeyboard: boolean) => {
    setRefusal(null);
    setAnnouncement(`Moving ${application.job_title} to ${applicationStageLabel(target)}…`);
    if (fromKeyboard) focusAfterMove.current = application.id;
    move.mutate(
      { application, stage: target },
      {
        onSuccess: () => setAnnouncement(`Moved ${application.job_title} to ${applicationStageLabel(target)}.`),
        onError: (error) => {
          const message = moveErrorMessage(error);
          setRefusal(`${application.job_title}: ${message}`);
          setAnnouncement(`${application.job_title} was not moved. ${message}`);
        },
      },
    );
  };

  const columns = stage ? applicationStages.filter((s) => s.value === stage) : applicationStages;
  return (
    <div className="space-y-3">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {refusal && <Alert tone="error">{refusal}</Alert>}
      <div className={`grid gap-3 ${stage ? '' : 'sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6'}`}>
        {columns.map((column) => (
          <BoardColumn
            key={column.value}
            stage={column.value}
            label={column.label}
            applications={applications.filter((a) => a.stage === column.value)}
            dragged={dragged}
            onDragStart={setDragged}
            onDrop={(application) => {
              setDragged(null);
              moveTo(application, column.value, false);
            }}
            onMove={(application, target) => moveTo(application, target, true)}
            selectRef={(id, element) => {
              if (element) selects.current.set(id, element);
              else selects.current.delete(id);
            }}
          />
        ))}
      </div>
    </div>
  );
}

type ColumnProps = {
  stage: ApplicationStage;
  label: string;
  applications: ApplicationSummary[];
  dragged: ApplicationSummary | null;
  onDragStart: (application: ApplicationSummary | null) => void;
  onDrop: (application: ApplicationSummary) => void;
  onMove: (application: ApplicationSummary, target: ApplicationStage) => void;
  selectRef: (id: string, element: HTMLSelectElement | null) => void;
};

function BoardColumn({ stage, label, applications, dragged, onDragStart, onDrop, onMove, selectRef }: ColumnProps) {
  const headingId = useId();
  const [over, setOver] = useState(false);
  // A column takes a drop only when the dragged card may move there. Not its own column: another interview round
  // is chosen in the select, never recorded by a card dropped where it was.
  const accepts = dragged !== null && dragged.stage !== stage && allowedMoves[dragged.stage].includes(stage);

  const onDragOver = (event: DragEvent) => {
    if (!accepts) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setOver(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (dragged && accepts && event.dataTransfer.getData(dragType) === dragged.id) onDrop(dragged);
  };

  return (
    <section
      aria-labelledby={headingId}
      data-stage={stage}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`min-w-0 rounded-xl p-2 ring-1 transition-colors ${
        over ? 'bg-indigo-50 ring-2 ring-indigo-400' : accepts ? 'bg-indigo-50/50 ring-indigo-200' : 'bg-slate-100/70 ring-slate-200'
      }`}
    >
      <h2 id={headingId} className="flex items-center justify-between px-1 pb-2 text-sm font-semibold text-slate-800">
        {label}
        <span className="rounded-full bg-white px-2 text-xs font-medium text-slate-600 ring-1 ring-slate-200">{applications.length}</span>
      </h2>
      {applications.length === 0 ? (
        <p className="px-1 pb-2 text-xs text-slate-600">{accepts ? 'Drop here' : 'Nothing here'}</p>
      ) : (
        <ul aria-labelledby={headingId} className="space-y-2">
          {applications.map((application) => (
            <li key={application.id}>
              <BoardCard
                application={application}
                onDragStart={onDragStart}
                onMove={onMove}
                selectRef={selectRef}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type CardProps = Pick<ColumnProps, 'onDragStart' | 'onMove' | 'selectRef'> & { application: ApplicationSummary };

function BoardCard({ application, onDragStart, onMove, selectRef }: CardProps) {
  const selectId = useId();
  const targets = allowedMoves[application.stage];

  return (
    <article
      aria-label={`${application.job_title} at ${application.company}`}
      draggable={targets.length > 0}
      onDragStart={(event) => {
        event.dataTransfer.setData(dragType, application.id);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart(application);
      }}
      onDragEnd={() => onDragStart(null)}
      className={`rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-900/5 ${targets.length > 0 ? 'cursor-grab active:cursor-grabbing' : ''}`}
    >
      <h3 className="text-sm font-semibold break-words text-slate-900">
        <Link to={applicationPath(application.id)} className="hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
          {application.job_title}
        </Link>
      </h3>
      <p className="mt-0.5 text-xs break-words text-slate-600">{application.company}</p>
      <div className="mt-2 flex flex-wrap items-center gap-1.5">
        <FitScore score={application.fit_score} />
        <JobArchivedBadge application={application} />
        <ProviderStage application={application} />
      </div>
      {application.applied_on && <p className="mt-1.5 text-xs text-slate-600">Applied {formatDate(application.applied_on)}</p>}
      {application.interview_rounds > 0 && (
        <p className="text-xs text-slate-600">
          {application.interview_rounds} {application.interview_rounds === 1 ? 'interview round' : 'interview rounds'}
        </p>
      )}
      {targets.length > 0 && (
        <div className="mt-2">
          <label htmlFor={selectId} className="sr-only">
            Move {application.job_title} to
          </label>
          <select
            id={selectId}
            ref={(element) => selectRef(application.id, element)}
            value=""
            onChange={(event) => {
              if (event.target.value) onMove(application, event.target.value as ApplicationStage);
            }}
            className="block w-full rounded-md border-0 bg-white py-1 pr-7 pl-2 text-xs text-slate-700 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          >
            <option value="">Move to…</option>
            {targets.map((target) => (
              <option key={target} value={target}>
                {target === application.stage ? `${applicationStageLabel(target)} (another round)` : applicationStageLabel(target)}
              </option>
            ))}
          </select>
        </div>
      )}
    </article>
  );
}
