// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_FILE } from './fixtures/answers.ts';
import { ProfilePanel } from './ProfilePanel.tsx';
import { renderPanel } from './panel-test-support.tsx';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const routes = { 'GET /api/clients/100302': { status: 200, body: CLIENT_FILE } };
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');
const fields = () =>
  Array.from(document.querySelectorAll('[data-field]'), (f) => f.getAttribute('data-field'));

describe('ProfilePanel', () => {
  it('shows each section with labelled, formatted values and missing ones in words', async () => {
    renderPanel(<ProfilePanel clientId={100302} />, routes);
    const sections = await screen.findAllByTestId('profile-section');
    expect(sections.map((s) => s.getAttribute('data-section'))).toEqual(
      CLIENT_FILE.sections.map((s) => s.key),
    );
    const income = document.querySelector('[data-field="AMT_INCOME_TOTAL"]');
    expect(plain(income?.textContent)).toBe('Revenu annuel180 000 €');
    const occupation = () => document.querySelector('[data-field="OCCUPATION_TYPE"]');
    // Not provided: held back until asked for, then said in words.
    expect(occupation()).toBeNull();
    const employment = within(screen.getByRole('region', { name: /^Emploi et revenus/ }));
    const toggle = employment.getByRole('button', { name: 'Afficher la valeur non renseignée' });
    fireEvent.click(toggle);
    expect(occupation()?.textContent).toBe('Professionnon renseigné');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(employment.getByRole('button', { name: 'Masquer la valeur non renseignée' }));
    expect(occupation()).toBeNull();
  });

  it('finds a value not provided with the filter, without opening its section', async () => {
    renderPanel(<ProfilePanel clientId={100302} />, routes);
    await screen.findAllByTestId('profile-section');
    fireEvent.change(screen.getByTestId('profile-filter'), { target: { value: 'profession' } });
    expect(fields()).toEqual(['OCCUPATION_TYPE']);
  });

  it('shows a fact once, says when a whole section is missing, and words it in English', async () => {
    const value = (name: string, label: string, unit: string, v: number | null) => ({
      name,
      label_fr: label,
      label_en: label,
      unit,
      value: v,
    });
    const profile = {
      key: 'profile',
      label_fr: 'Profil',
      label_en: 'Profile',
      values: [
        value('DAYS_BIRTH', 'Age (days before the application)', 'elapsed', -18000),
        value('AGE_YEARS', 'Age (years)', 'years', 49.3),
        value(
          'DAYS_EMPLOYED',
          'Time in current job (days before the application)',
          'elapsed',
          -5479,
        ),
        value('EMPLOYED_YEARS', 'Years in current job', 'years', 15.0),
      ],
    };
    const payments = {
      key: 'paymentBehaviour',
      label_fr: 'Comportement de paiement',
      label_en: 'Payment behaviour',
      values: [value('POS_SK_DPD_MAX', 'Longest delay (days)', 'days', null)].concat(
        value('POS_SK_DPD_MEAN', 'Mean delay (days)', 'days', null),
      ),
    };
    renderPanel(
      <ProfilePanel clientId={100302} />,
      {
        'GET /api/clients/100302': {
          status: 200,
          body: { ...CLIENT_FILE, sections: [profile, payments] },
        },
      },
      { language: 'en' },
    );
    await screen.findAllByTestId('profile-section');
    expect(fields()).toEqual(['AGE_YEARS', 'EMPLOYED_YEARS']);
    const text = (name: string) =>
      plain(document.querySelector(`[data-field="${name}"]`)?.textContent);
    expect(text('AGE_YEARS')).toBe('Age49 years');
    expect(text('EMPLOYED_YEARS')).toBe('Years in current job15 years');
    expect(screen.getByText('None of the 2 items in this section is provided.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the 2 values not provided' }));
    expect(fields()).toEqual(['AGE_YEARS', 'EMPLOYED_YEARS', 'POS_SK_DPD_MAX', 'POS_SK_DPD_MEAN']);
  });

  it('narrows the fields across sections as the adviser types', async () => {
    renderPanel(<ProfilePanel clientId={100302} />, routes);
    await screen.findAllByTestId('profile-section');
    const before = fields().length;
    fireEvent.change(screen.getByTestId('profile-filter'), { target: { value: 'crédit' } });
    const after = fields();
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before);
    expect(after).toContain('AMT_CREDIT');
    expect(after).not.toContain('CODE_GENDER');
    fireEvent.change(screen.getByTestId('profile-filter'), { target: { value: 'zzzz' } });
    expect(screen.getByRole('status').textContent).toBe(
      'Aucune information ne correspond à « zzzz ».',
    );
  });

  it('hides a section when unticked and remembers it for the next file', async () => {
    renderPanel(<ProfilePanel clientId={100302} />, routes);
    await screen.findAllByTestId('profile-section');
    fireEvent.click(screen.getByTestId('profile-toggle-housing'));
    const keys = () =>
      screen.getAllByTestId('profile-section').map((s) => s.getAttribute('data-section'));
    expect(keys()).not.toContain('housing');
    cleanup();
    renderPanel(<ProfilePanel clientId={100302} />, routes);
    await screen.findAllByTestId('profile-section');
    expect(keys()).not.toContain('housing');
    expect(keys()).toContain('profile');
  });

  it('opens a long section on its first fields, the rest one click away; a filter shows all', async () => {
    const long = {
      key: 'creditBureau',
      label_fr: 'Historique au bureau de crédit',
      label_en: 'Credit bureau history',
      values: Array.from({ length: 20 }, (_, i) => ({
        name: `BUREAU_F${i}`,
        label_fr: `Crédits au bureau n°${i}`,
        label_en: `Bureau credits no. ${i}`,
        unit: 'count',
        value: i,
      })),
    };
    renderPanel(<ProfilePanel clientId={100302} />, {
      'GET /api/clients/100302': { status: 200, body: { ...CLIENT_FILE, sections: [long] } },
    });
    await screen.findAllByTestId('profile-section');
    expect(fields()).toHaveLength(12);
    const more = screen.getByRole('button', { name: 'Afficher les 8 autres informations' });
    fireEvent.click(more);
    expect(fields()).toHaveLength(20);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(more);
    fireEvent.change(screen.getByTestId('profile-filter'), { target: { value: 'bureau n°1' } });
    // n°1 and n°10…n°19: every match, none held back by the preview.
    expect(fields()).toHaveLength(11);
  });
});
