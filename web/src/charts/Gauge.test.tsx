// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Gauge, type GaugeProps } from './Gauge.tsx';

afterEach(cleanup);

const format = (v: number, digits: number) => `${(v * 100).toFixed(digits)}%`;
const props: GaugeProps = {
  value: 0.152,
  max: 0.4,
  bands: [
    [0, 0.02, '#0072B2'],
    [0.02, 0.05, '#56B4E9'],
    [0.05, 0.12, '#E69F00'],
    [0.12, 1, '#D55E00'],
  ],
  threshold: 0.089,
  labels: { chart: 'Risk gauge', threshold: 'threshold' },
  format,
  testId: 'gauge',
};

const texts = () =>
  [...screen.getByTestId('gauge').querySelectorAll('text')].map((n) => n.textContent);

describe('Gauge', () => {
  it('is one image named for screen readers, with the value, the scale and the threshold drawn', () => {
    render(<Gauge {...props} />);
    const gauge = screen.getByRole('img', { name: 'Risk gauge' });
    expect(gauge.getAttribute('data-testid')).toBe('gauge');
    expect(texts()).toEqual(
      expect.arrayContaining(['15.2%', '0%', '20%', '30%', '40%', 'threshold8.9%']),
    );
    // 10 % is hidden: the threshold's label sits there.
    expect(texts()).not.toContain('10%');
    expect(gauge.querySelectorAll('.gauge-threshold-bar')).toHaveLength(1);
  });

  it('draws each band that reaches the dial in its colour, and none beyond it', () => {
    const { container } = render(<Gauge {...props} max={0.04} tickStep={0.01} />);
    const fills = [...container.querySelectorAll('path[fill]')].map((p) => p.getAttribute('fill'));
    expect(fills).toEqual(['#0072B2', '#56B4E9']);
  });

  it('draws no threshold when there is none, and keeps every tick label then', () => {
    render(<Gauge {...props} threshold={undefined} />);
    expect(screen.getByTestId('gauge').querySelector('.gauge-threshold')).toBeNull();
    expect(texts()).toContain('10%');
  });
});
