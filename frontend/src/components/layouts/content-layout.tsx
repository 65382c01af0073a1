import type { ReactNode } from 'react';

type ContentLayoutProps = {
  title: string;
  description?: string;
  children?: ReactNode;
};

/** The top of every page inside the app shell: its title (the page's h1) and a short description. */
export function ContentLayout({ title, description, children }: ContentLayoutProps) {
  return (
    <div className="mx-auto max-w-5xl">
      <title>{`${title} · Ottobon Jobs`}</title>
      <div className="mb-6">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
        {description && <p className="mt-1 text-slate-600">{description}</p>}
      </div>
      {children}
    </div>
  );
}
