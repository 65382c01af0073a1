import type { SourceView } from './merge-runs';

/** The platforms a source's career site runs on, in the order the page shows them, with what an admin reads. */
export const platformLabels: Record<string, string> = {
  avature: 'Avature',
  workday: 'Workday',
  'oracle-hcm': 'Oracle HCM',
  greenhouse: 'Greenhouse',
  lever: 'Lever',
  ashby: 'Ashby',
  successfactors: "EY's own site (SuccessFactors)",
};

export type PlatformGroup = { platform: string; label: string; views: SourceView[] };

/** The sources grouped by platform, the known platforms first in their order, any other after them by name. */
export function groupByPlatform(views: SourceView[]): PlatformGroup[] {
  const known = Object.keys(platformLabels);
  const rank = (platform: string) => (known.includes(platform) ? known.indexOf(platform) : known.length);
  const platforms = [...new Set(views.map((view) => view.source.platform))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return platforms.map((platform) => ({
    platform,
    label: platformLabels[platform] ?? platform,
    views: views.filter((view) => view.source.platform === platform),
  }));
}
