import { useMemo, useState } from 'react';
import { queryString } from '../api/client.ts';
import type { GroupFilters, GroupName } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import './ComparePanel.css';
import { DistributionChart } from './compare/DistributionChart.tsx';
import {
  type FeatureOptionGroup,
  featureOptions,
  optionIndex,
  reasonFeatures,
} from './compare/feature-options.ts';
import { GroupFilterForm } from './compare/GroupFilterForm.tsx';
import { ScatterPlot } from './compare/ScatterPlot.tsx';
import { SimilarTable } from './compare/SimilarTable.tsx';

const messages = {
  fr: {
    title: 'Comparer ce client',
    titleCustomer: 'Votre dossier comparé aux autres clients',
    distribution: 'Répartition dans un groupe',
    feature: 'Caractéristique',
    reasons: 'Raisons principales du score',
    group: 'Groupe de comparaison',
    all: 'Tous les clients',
    similar: 'Les clients similaires',
    similarCustomer: 'Les clients dont le dossier ressemble au vôtre',
    filtered: 'Un groupe choisi (filtres)',
    k: 'Nombre de clients similaires',
    scatter: 'Deux caractéristiques ensemble',
    x: 'Axe horizontal',
    y: 'Axe vertical',
    loading: 'Chargement…',
    noScatter: "Le nuage de points n'est pas encore disponible sur ce serveur.",
  },
  en: {
    title: 'Compare this client',
    titleCustomer: 'Your file compared with other clients',
    distribution: 'Distribution in a group',
    feature: 'Characteristic',
    reasons: 'Main reasons for the score',
    group: 'Comparison group',
    all: 'All clients',
    similar: 'Similar clients',
    similarCustomer: 'Clients whose file resembles yours',
    filtered: 'A chosen group (filters)',
    k: 'Number of similar clients',
    scatter: 'Two characteristics together',
    x: 'Horizontal axis',
    y: 'Vertical axis',
    loading: 'Loading…',
    noScatter: 'The scatter plot is not available on this server yet.',
  },
};

const K_CHOICES = [50, 200, 500, 1000] as const;
/** Fallbacks when the reasons name fewer than two comparable features. */
const FALLBACK_FEATURES = ['AMT_CREDIT', 'AMT_INCOME_TOTAL', 'EXT_SOURCE_2', 'AGE_YEARS'];

/** The select of comparable features: the reasons' features first, then every section. */
function FeatureSelect(props: {
  id: string;
  testId: string;
  value: string;
  onChange: (name: string) => void;
  groups: FeatureOptionGroup[];
  reasons: string[];
  reasonsLabel: string;
  labelOf: (name: string) => string;
}) {
  return (
    <select
      id={props.id}
      data-testid={props.testId}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {props.reasons.length > 0 && (
        <optgroup label={props.reasonsLabel}>
          {props.reasons.map((name) => (
            <option key={`r-${name}`} value={name}>
              {props.labelOf(name)}
            </option>
          ))}
        </optgroup>
      )}
      {props.groups.map((g) => (
        <optgroup key={g.key} label={g.label}>
          {g.options
            .filter((o) => !props.reasons.includes(o.name))
            .map((o) => (
              <option key={o.name} value={o.name}>
                {o.label}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

/**
 * "Compared with": a chosen feature's distribution in a group (all clients, the similar ones, or a
 * group defined with filters) split by outcome with the client marked; two features as a scatter;
 * the client against their most similar clients. A customer compares with the API's fixed groups
 * only (all clients, their similar clients): no filtered group, no group size, no scatter, no
 * neighbour list (docs/api.md, "Privacy").
 */
export function ComparePanel({
  clientId,
  customer = false,
}: {
  clientId: number;
  /** The customer's own file: the fixed groups only, and every text naming the client says "you". */
  customer?: boolean;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const file = useApi(`/api/clients/${clientId}`);
  const explanation = useApi(`/api/clients/${clientId}/explanation`);

  const groups = useMemo(
    () => (file.data ? featureOptions(file.data, language) : []),
    [file.data, language],
  );
  const index = useMemo(() => optionIndex(groups), [groups]);
  const reasons = useMemo(() => reasonFeatures(explanation.data, index), [explanation.data, index]);
  const defaults = useMemo(
    () => [...reasons, ...FALLBACK_FEATURES.filter((f) => index.has(f)), ...index.keys()],
    [reasons, index],
  );

  const [chosen, setChosen] = useState<string | null>(null);
  const [group, setGroup] = useState<GroupName>('all');
  const [k, setK] = useState<number>(200);
  const [filters, setFilters] = useState<GroupFilters>({});
  const [scatterX, setScatterX] = useState<string | null>(null);
  const [scatterY, setScatterY] = useState<string | null>(null);

  // Until the person chooses, the feature follows the reasons (they arrive after the file).
  const feature = chosen ?? defaults[0] ?? null;
  const x = scatterX ?? defaults[0] ?? null;
  const y = scatterY ?? defaults.find((f) => f !== x) ?? null;

  const groupQuery = {
    group,
    client: clientId,
    k: group === 'similar' && !customer ? k : undefined,
    ...(group === 'filtered' ? filters : {}),
  };
  const distribution = useApi(
    feature
      ? `/api/population/features/${encodeURIComponent(feature)}${queryString(groupQuery)}`
      : null,
  );
  const scatter = useApi(
    x && y && !customer ? `/api/population/scatter${queryString({ x, y, ...groupQuery })}` : null,
  );

  if (file.error) return <ErrorMessage error={file.error} onRetry={file.reload} />;
  if (!file.data) return <p aria-busy="true">{t.loading}</p>;
  const labelOf = (name: string) => index.get(name)?.label ?? name;
  const selectProps = { groups, reasons, reasonsLabel: t.reasons, labelOf };

  return (
    <section className="compare-panel" aria-labelledby="compare-title">
      <h2 id="compare-title" className="visually-hidden">
        {customer ? t.titleCustomer : t.title}
      </h2>
      <div className="card compare-controls">
        <label htmlFor="compare-feature">{t.feature}</label>
        {feature && (
          <FeatureSelect
            id="compare-feature"
            testId="compare-feature"
            value={feature}
            onChange={setChosen}
            {...selectProps}
          />
        )}
        <label htmlFor="compare-group">{t.group}</label>
        <select
          id="compare-group"
          data-testid="compare-group"
          value={group}
          onChange={(e) => setGroup(e.target.value as GroupName)}
        >
          <option value="all">{t.all}</option>
          <option value="similar">{customer ? t.similarCustomer : t.similar}</option>
          {!customer && <option value="filtered">{t.filtered}</option>}
        </select>
        {group === 'similar' && !customer && (
          <>
            <label htmlFor="compare-k">{t.k}</label>
            <select id="compare-k" value={k} onChange={(e) => setK(Number(e.target.value))}>
              {K_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {group === 'filtered' && <GroupFilterForm value={filters} onApply={setFilters} />}

      <div className="card">
        <h3>{t.distribution}</h3>
        {distribution.error && (
          <ErrorMessage error={distribution.error} onRetry={distribution.reload} />
        )}
        {distribution.data && feature && (
          <DistributionChart
            distribution={distribution.data}
            label={labelOf(distribution.data.feature)}
            customer={customer}
          />
        )}
        {distribution.loading && !distribution.data && <p aria-busy="true">{t.loading}</p>}
      </div>

      {!customer && (
        <div className="card">
          <h3>{t.scatter}</h3>
          <div className="scatter-controls">
            <label htmlFor="scatter-x">{t.x}</label>
            {x && (
              <FeatureSelect
                id="scatter-x"
                testId="scatter-x"
                value={x}
                onChange={setScatterX}
                {...selectProps}
              />
            )}
            <label htmlFor="scatter-y">{t.y}</label>
            {y && (
              <FeatureSelect
                id="scatter-y"
                testId="scatter-y"
                value={y}
                onChange={setScatterY}
                {...selectProps}
              />
            )}
          </div>
          {scatter.error &&
            (scatter.error.code === 'NOT_FOUND' ? (
              <p>{t.noScatter}</p>
            ) : (
              <ErrorMessage error={scatter.error} onRetry={scatter.reload} />
            ))}
          {scatter.data && (
            <ScatterPlot
              answer={scatter.data}
              xLabel={labelOf(scatter.data.x)}
              yLabel={labelOf(scatter.data.y)}
            />
          )}
        </div>
      )}

      <div className="card">
        <SimilarTable clientId={clientId} options={index} customer={customer} />
      </div>
    </section>
  );
}
