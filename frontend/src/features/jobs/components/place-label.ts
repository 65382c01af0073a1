type Placed = {
  location: string | null;
  place?: { city: string | null; state: string | null; country: string | null } | null;
};

/**
 * Where a job is, as its card and page show it: the normalised "City, State" ("Bengaluru, Karnataka" for a site's
 * "IN-KA-Bangalore"), the state or country when nothing narrower is known, else the location as written.
 */
export function placeLabel({ location, place }: Placed): string | null {
  const { city, state, country } = place ?? { city: null, state: null, country: null };
  const parts = city ? [city, state] : state ? [state, country] : [country];
  const label = [...new Set(parts.filter(Boolean))].join(', ');
  return label || location;
}
