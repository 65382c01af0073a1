/** The feed's filters as URL parameters (the API's own names), with the choices each offers and how a chip names it. */

export type Option = { value: string; label: string };

export const minSalaryOptions: Option[] = [
  { value: '', label: 'Any' },
  { value: '300000', label: '₹3 lakh a year' },
  { value: '500000', label: '₹5 lakh a year' },
  { value: '800000', label: '₹8 lakh a year' },
  { value: '1200000', label: '₹12 lakh a year' },
];

export const maxSalaryOptions: Option[] = [...minSalaryOptions, { value: '2000000', label: '₹20 lakh a year' }];

export const postedOptions: Option[] = [
  { value: '', label: 'Any time' },
  { value: '1', label: 'Last 24 hours' },
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
];

export const jobTypeOptions: Option[] = [
  { value: '', label: 'Any type' },
  { value: 'internship', label: 'Internship' },
  { value: 'full_time', label: 'Full time' },
  { value: 'part_time', label: 'Part time' },
  { value: 'contract', label: 'Contract' },
];

export const experienceOptions: Option[] = [
  { value: '', label: 'Any experience' },
  { value: 'internship', label: 'Internship' },
  { value: 'entry', label: 'Entry level (0–2 years)' },
  { value: 'early', label: 'Early career (2–5 years)' },
  { value: 'experienced', label: 'Experienced (5+ years)' },
];

export const workModeOptions: Option[] = [
  { value: '', label: 'Any work mode' },
  { value: 'remote', label: 'Remote' },
  { value: 'hybrid', label: 'Hybrid' },
  { value: 'on_site', label: 'On site' },
];

/** The sorts offered; "Best match" (relevance, the feed's default with a search) only when there is one. */
export function sortOptions(hasSearch: boolean): Option[] {
  return [
    { value: '', label: hasSearch ? 'Best match' : 'Newest' },
    ...(hasSearch ? [{ value: 'newest', label: 'Newest' }] : []),
    { value: 'posted', label: 'Posting date' },
    { value: 'salary', label: 'Highest salary' },
  ];
}

/** The filters a chip can remove, in the order the chips show, with how each names its value. */
const chipFilters: { name: string; label: (value: string) => string }[] = [
  { name: 'q', label: (value) => `“${value}”` },
  { name: 'company', label: (value) => value },
  { name: 'location', label: (value) => `In ${value}` },
  { name: 'job_type', label: (value) => labelOf(jobTypeOptions, value) },
  { name: 'experience', label: (value) => labelOf(experienceOptions, value) },
  { name: 'work_mode', label: (value) => labelOf(workModeOptions, value) },
  { name: 'min_salary', label: (value) => `From ${labelOf(minSalaryOptions, value)}` },
  { name: 'max_salary', label: (value) => `Up to ${labelOf(maxSalaryOptions, value)}` },
  { name: 'posted_within_days', label: (value) => labelOf(postedOptions, value) },
];

/** Every URL parameter the filter bar owns (the chips' filters and the sort), for "Clear filters". */
export const filterParams = [...chipFilters.map((filter) => filter.name), 'sort'];

export type ActiveFilter = { name: string; label: string };

/** The filters set in the URL, as chips name them. */
export function activeFilters(params: URLSearchParams): ActiveFilter[] {
  return chipFilters.flatMap(({ name, label }) => {
    const value = params.get(name);
    return value ? [{ name, label: label(value) }] : [];
  });
}

function labelOf(options: Option[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
