type ChipListProps = {
  /** Names the list for screen readers, e.g. "Skills". */
  label: string;
  items: string[];
  /** Show at most this many, then "+N more". */
  max?: number;
  size?: 'sm' | 'md';
};

export function ChipList({ label, items, max, size = 'sm' }: ChipListProps) {
  const shown = max === undefined ? items : items.slice(0, max);
  const hidden = items.length - shown.length;
  const chipClassName =
    size === 'sm' ? 'px-2 py-0.5 text-xs' : 'px-3 py-1 text-sm';

  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {shown.map((item) => (
        <li key={item} className={`rounded-full bg-indigo-50 font-medium text-indigo-700 ${chipClassName}`}>
          {item}
        </li>
      ))}
      {hidden > 0 && (
        <li className={`rounded-full bg-slate-100 font-medium text-slate-600 ${chipClassName}`}>+{hidden} more</li>
      )}
    </ul>
  );
}
