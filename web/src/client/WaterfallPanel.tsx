import { useMemo, useState } from 'react';
import { useCategories } from '../api/categories.tsx';
import type { Contribution, ThemeContribution } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useUser } from '../auth/session.tsx';
import { EChart } from '../charts/EChart.tsx';
import { useContainerWidth } from '../charts/useContainerWidth.ts';
import { ChartTable } from '../components/ChartTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { formatNumber, formatPercent, plural } from '../format/index.ts';
import { type Language, useLanguage, useMessages } from '../i18n/language.tsx';
import { themeLabel } from './explanation/theme-labels.ts';
import { WaterfallBars } from './explanation/WaterfallBars.tsx';
import { waterfallOption } from './explanation/waterfall-chart.ts';
import {
  type WaterfallStep,
  waterfallInput,
  waterfallSteps,
} from './explanation/waterfall-steps.ts';
import { formatWeight, type WeightUnit } from './explanation/weights.ts';
import { contributionValueText, rowLabel } from './value-text.ts';
import './WaterfallPanel.css';

const messages = {
  fr: {
    title: 'Du point de départ du modèle à ce client',
    titleCustomer: 'Du point de départ du modèle à votre dossier',
    loading: 'Calcul des contributions…',
    intro: {
      pp: "Le point de départ est le risque que le modèle donnerait à un dossier dont il ne saurait rien ; chaque barre montre de combien un thème du dossier l'augmente ou le diminue, en points de pourcentage (pp).",
      points:
        'Le point de départ est le score que le modèle donnerait à un dossier dont il ne saurait rien ; chaque barre montre combien de points un thème du dossier ajoute ou retire (plus de points = moins de risque).',
    },
    unitNow: { pp: 'Unité : points de pourcentage', points: 'Unité : points de score' },
    switchTo: { pp: 'Afficher en points de score', points: 'Afficher en points de pourcentage' },
    start: 'Point de départ',
    end: 'Ce client',
    endCustomer: 'Votre dossier',
    adjustment: 'Ajustement (calibrage du modèle)',
    adjustmentNote:
      "Les contributions sont calculées sur l'échelle brute du modèle ; le calibrage qui donne le score final ajoute l'ajustement indiqué.",
    chartLabel: 'Cascade des contributions par thème, du point de départ du modèle à ce client',
    themes: 'Détail par thème',
    units: (n: number) => `${n} ${plural(n, 'fr', { one: 'élément', other: 'éléments' })}`,
    feature: 'Élément',
    value: 'Valeur',
    effect: 'Effet',
    loadingAll: 'Chargement du détail…',
    moreNotListed: (n: number) =>
      `et ${n} ${plural(n, 'fr', { one: "autre élément d'effet plus faible", other: "autres éléments d'effet plus faible" })}`,
    tableCaption: 'Contributions par thème, cumulées',
    step: 'Étape',
    change: 'Variation',
    cumulative: 'Cumul',
  },
  en: {
    title: "From the model's starting point to this client",
    titleCustomer: "From the model's starting point to your file",
    loading: 'Computing the contributions…',
    intro: {
      pp: 'The starting point is the risk the model would give a file it knew nothing about; each bar shows how much a theme of the file raises or lowers it, in percentage points (pp).',
      points:
        'The starting point is the score the model would give a file it knew nothing about; each bar shows how many points a theme of the file adds or takes away (more points = less risk).',
    },
    unitNow: { pp: 'Unit: percentage points', points: 'Unit: score points' },
    switchTo: { pp: 'Show in score points', points: 'Show in percentage points' },
    start: 'Starting point',
    end: 'This client',
    endCustomer: 'Your file',
    adjustment: 'Adjustment (model calibration)',
    adjustmentNote:
      "Contributions are computed on the model's raw scale; the calibration that gives the final score adds the adjustment shown.",
    chartLabel:
      "Waterfall of the contributions by theme, from the model's starting point to this client",
    themes: 'Detail by theme',
    units: (n: number) => `${n} ${plural(n, 'en', { one: 'item', other: 'items' })}`,
    feature: 'Item',
    value: 'Value',
    effect: 'Effect',
    loadingAll: 'Loading the detail…',
    moreNotListed: (n: number) => `and ${n} more items with smaller effects`,
    tableCaption: 'Contributions by theme, cumulative',
    step: 'Step',
    change: 'Change',
    cumulative: 'Cumulative',
  },
};

/** A level on the value axis: a probability in % for pp, points for points. */
function formatLevel(value: number, unit: WeightUnit, language: Language): string {
  return unit === 'pp'
    ? formatPercent(value / 100, language)
    : `${formatNumber(value, language)} pts`;
}

function stepLabel(
  s: WaterfallStep,
  t: (typeof messages)['fr'],
  endLabel: string,
  language: Language,
): string {
  if (s.kind === 'start') return t.start;
  if (s.kind === 'end') return endLabel;
  if (s.kind === 'adjustment') return t.adjustment;
  return themeLabel(s.key, language);
}

/** The label at a bar's end: the level for start and end, the signed change for a step. */
function stepValue(s: WaterfallStep, unit: WeightUnit, language: Language): string {
  return s.kind === 'start' || s.kind === 'end'
    ? formatLevel(s.to, unit, language)
    : formatWeight(s.delta, unit, language);
}

/**
 * Below this card width (a phone) the chart's axis labels would leave the bars a few pixels: the
 * waterfall is drawn as rows instead (WaterfallBars), each label above its bar.
 */
const NARROW_CARD_PX = 560;

/**
 * The waterfall of contributions by theme, from the average client (the model's expected value) to
 * this client's score, in percentage points or in points; under it each theme opens to its
 * features with their values and contributions.
 */
export function WaterfallPanel({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const customer = useUser().role === 'customer';
  const [unit, setUnit] = useState<WeightUnit>('pp');
  const [cardRef, cardWidth] = useContainerWidth();
  // 0: not laid out yet (or no layout at all): the chart, as on a desk.
  const narrow = cardWidth > 0 && cardWidth < NARROW_CARD_PX;
  const base = `/api/clients/${clientId}/explanation` as const;
  const explanation = useApi(base);
  const score = useApi(`/api/clients/${clientId}/score`);
  // Every unit is fetched only when a theme with more than the listed units is opened.
  const [wantAll, setWantAll] = useState(false);
  const all = useApi(wantAll ? `${base}?all=true` : null);

  const data = explanation.data;
  const points = score.data?.points;
  const steps = useMemo(() => {
    if (!data || points === undefined) return null;
    const input = waterfallInput(data, points, unit);
    // Below a hundredth of the unit the gap is rounding, not calibration.
    return waterfallSteps(input.start, input.parts, input.end, 0.01);
  }, [data, points, unit]);

  const endLabel = customer ? t.endCustomer : t.end;
  const labelOf = (s: WaterfallStep) => stepLabel(s, t, endLabel, language);
  const option = useMemo(
    () =>
      steps
        ? waterfallOption({
            steps,
            labels: steps.map((s) => stepLabel(s, t, endLabel, language)),
            unit,
            valueLabel: (s) => stepValue(s, unit, language),
          })
        : null,
    [steps, unit, language, t, endLabel],
  );

  const title = customer ? t.titleCustomer : t.title;
  const failure = explanation.error ?? score.error;
  if (failure) {
    return (
      <section className="card waterfall-panel" aria-label={title}>
        <h2>{title}</h2>
        <ErrorMessage
          error={failure}
          onRetry={() => {
            explanation.reload();
            score.reload();
          }}
        />
      </section>
    );
  }
  if (!data || !steps || !option) {
    return (
      <section className="card waterfall-panel" aria-label={title} aria-busy="true">
        <h2>{title}</h2>
        <p>{t.loading}</p>
      </section>
    );
  }

  const adjustment = steps.find((s) => s.kind === 'adjustment');
  const unitsOf = (theme: ThemeContribution): Contribution[] | null => {
    if (theme.contributions.length >= theme.count) return theme.contributions;
    const every = all.data?.contributions.all;
    return every ? every.filter((c) => c.theme === theme.theme) : null;
  };

  return (
    <section className="card waterfall-panel" aria-label={title} ref={cardRef}>
      <div className="waterfall-head">
        <h2>{title}</h2>
        <div className="waterfall-units">
          <span>{t.unitNow[unit]}</span>
          <button
            type="button"
            role="switch"
            aria-checked={unit === 'points'}
            data-testid="units-switch"
            data-unit={unit}
            onClick={() => setUnit(unit === 'pp' ? 'points' : 'pp')}
          >
            {t.switchTo[unit]}
          </button>
        </div>
      </div>
      <p className="waterfall-intro">{t.intro[unit]}</p>
      {narrow ? (
        <WaterfallBars
          steps={steps}
          unit={unit}
          label={t.chartLabel}
          labelOf={labelOf}
          valueOf={(s) => stepValue(s, unit, language)}
        />
      ) : (
        <EChart
          option={option}
          label={t.chartLabel}
          height={Math.max(220, 34 * steps.length + 40)}
          testId="waterfall-chart"
        />
      )}
      {adjustment && <p className="waterfall-note">{t.adjustmentNote}</p>}
      <ChartTable
        caption={t.tableCaption}
        columns={[t.step, t.change, t.cumulative]}
        rows={steps.map((s) => [
          labelOf(s),
          s.kind === 'start' || s.kind === 'end' ? '' : formatWeight(s.delta, unit, language),
          formatLevel(s.to, unit, language),
        ])}
      />
      <h3>{t.themes}</h3>
      <ul className="waterfall-themes">
        {data.themes.map((theme) => (
          <ThemeRow
            key={theme.theme}
            theme={theme}
            unit={unit}
            units={unitsOf(theme)}
            allError={all.error}
            onRetryAll={all.reload}
            onOpen={() => {
              if (theme.contributions.length < theme.count) setWantAll(true);
            }}
            t={t}
          />
        ))}
      </ul>
    </section>
  );
}

function ThemeRow(props: {
  theme: ThemeContribution;
  unit: WeightUnit;
  /** The theme's units; null while the full list is loading. */
  units: Contribution[] | null;
  allError: unknown;
  onRetryAll: () => void;
  onOpen: () => void;
  t: (typeof messages)['fr'];
}) {
  const { theme, unit, units, t } = props;
  const { language } = useLanguage();
  const categories = useCategories();
  const [open, setOpen] = useState(false);
  const id = `theme-detail-${theme.theme.replace(/\W+/g, '-')}`;
  const delta = unit === 'pp' ? theme.probabilityPoints : theme.points;
  const rounded = Math.round(delta * 10) / 10;
  const direction =
    rounded === 0
      ? 'is-nil'
      : (unit === 'pp' ? rounded > 0 : rounded < 0)
        ? 'is-adverse'
        : 'is-favourable';
  return (
    <li className="waterfall-theme">
      <button
        type="button"
        className="theme-toggle"
        data-testid="theme-row"
        data-theme={theme.theme}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          if (!open) props.onOpen();
          setOpen(!open);
        }}
      >
        <span className="theme-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="theme-name">{themeLabel(theme.theme, language)}</span>
        <span className="theme-count">{t.units(theme.count)}</span>
        <span className={`theme-delta ${direction}`}>{formatWeight(delta, unit, language)}</span>
      </button>
      {(language === 'fr' ? theme.noteFr : theme.noteEn) && (
        <p className="theme-note" data-testid="theme-note">
          {language === 'fr' ? theme.noteFr : theme.noteEn}
        </p>
      )}
      {open && (
        <div id={id} className="theme-detail">
          {units === null ? (
            props.allError ? (
              <ErrorMessage error={props.allError} onRetry={props.onRetryAll} />
            ) : (
              <p aria-busy="true">{t.loadingAll}</p>
            )
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.feature}</th>
                  <th scope="col">{t.value}</th>
                  <th scope="col" className="theme-effect">
                    {t.effect}
                  </th>
                </tr>
              </thead>
              <tbody>
                {units.map((c) => (
                  <tr key={c.key} data-testid="theme-feature">
                    <td>{rowLabel(language === 'fr' ? c.labelFr : c.labelEn, c.unit)}</td>
                    <td>{contributionValueText(c, language, categories.label)}</td>
                    <td className="theme-effect">
                      {formatWeight(unit === 'pp' ? c.probabilityPoints : c.points, unit, language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </li>
  );
}
