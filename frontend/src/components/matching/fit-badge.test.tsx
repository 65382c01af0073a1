import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fitPercent } from './fit';
import { FitBadge } from './fit-badge';

describe('FitBadge', () => {
  it('shows the percentage and the label of the fit', () => {
    render(<FitBadge fit={{ score: 0.7449, label: 'strong' }} />);
    expect(screen.getByText(/74% · Strong fit/)).toBeInTheDocument();
    expect(screen.getByText('with your resume', { exact: false })).toHaveClass('sr-only');
  });

  it.each([
    [0.41, 'partial', '41% · Partial fit'],
    [0.12, 'low', '12% · Low fit'],
  ] as const)('labels %s as %s', (score, label, text) => {
    render(<FitBadge fit={{ score, label }} />);
    expect(screen.getByText(text, { exact: false })).toBeInTheDocument();
  });

  it('keeps the percentage between 0 and 100', () => {
    expect(fitPercent(1.2)).toBe(100);
    expect(fitPercent(-0.1)).toBe(0);
    expect(fitPercent(Number.NaN)).toBe(0);
  });
});
