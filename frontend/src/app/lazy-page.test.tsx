import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signedInAs } from '@/testing/mock-api';
import { renderApp } from '@/testing/render-app';
import { buildUser } from '@/testing/test-data';

// The admin page's module, replaced by one that notes when it is imported and arrives only when the test says so.
const adminPage = vi.hoisted(() => {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { imported: false, arrived, arrive };
});
vi.mock('@/features/control-tower/components/control-tower-page', async () => {
  adminPage.imported = true;
  await adminPage.arrived;
  return { ControlTowerPage: () => <h1>Control Tower</h1> };
});

const api = mockApi();

describe('pages load lazily, after their route guard', () => {
  it('never loads an admin page for a seeker who types its address', async () => {
    signedInAs(api, buildUser('seeker'));
    renderApp('/admin/control-tower');

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
    expect(adminPage.imported).toBe(false);
  });

  it('shows a loading status until the page has arrived', async () => {
    signedInAs(api, buildUser('admin'));
    renderApp('/admin/control-tower');

    const loading = await screen.findByText('Loading page');
    expect(loading.closest('[role="status"]')).not.toBeNull();
    expect(adminPage.imported).toBe(true);

    adminPage.arrive();
    expect(await screen.findByRole('heading', { level: 1, name: 'Control Tower' })).toBeInTheDocument();
    expect(screen.queryByText('Loading page')).not.toBeInTheDocument();
  });
});
