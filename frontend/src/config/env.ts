export const env = {
  /** Where the API lives. In development Vite proxies /api to the backend. */
  apiBaseUrl: import.meta.env.VITE_API_BASE_URL ?? '/api',
};
