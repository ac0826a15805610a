import { useMemo } from 'react';
import { useApi } from '../../api/useApi.ts';
import { Gauge } from '../../charts/Gauge.tsx';
import { BAND_LABELS } from '../../client/score/band-labels.ts';
import { bandRanges, gaugeBands, gaugeMax } from '../../client/score/score-bands.ts';
import { ChartTable } from '../../components/ChartTable.tsx';
import { formatPercent } from '../../format/index.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';

const messages = {
  fr: {
    gaugeLabel: (p: string, t: string) =>
      `Jauge de la probabilité de défaut : ${p}, seuil de refus ${t}, zones de risque colorées`,
    thresholdMark: 'seuil',
    caption: 'Zones de risque, seuil et probabilité de la demande',
    zone: 'Zone',
    range: 'Probabilité de défaut',
    threshold: 'Seuil de refus',
    thisApplication: 'Cette demande',
  },
  en: {
    gaugeLabel: (p: string, t: string) =>
      `Gauge of the probability of default: ${p}, refusal threshold ${t}, coloured risk zones`,
    thresholdMark: 'threshold',
    caption: "Risk zones, threshold and the application's probability",
    zone: 'Zone',
    range: 'Probability of default',
    threshold: 'Refusal threshold',
    thisApplication: 'This application',
  },
};

/**
 * The application's probability on the score gauge. The score answer has no bands: they come from
 * the model card (this page is staff-only, who may read it), the training defaults until then.
 */
export function NewApplicationGauge(props: { probability: number; threshold: number }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const model = useApi('/api/model');
  const ranges = useMemo(() => bandRanges(model.data), [model.data]);
  const pct = (p: number) => formatPercent(p, language);
  const { probability, threshold } = props;
  return (
    <>
      <div className="new-app-gauge">
        <Gauge
          value={probability}
          max={gaugeMax(probability, threshold)}
          bands={gaugeBands(ranges)}
          threshold={threshold}
          labels={{
            chart: t.gaugeLabel(pct(probability), pct(threshold)),
            threshold: t.thresholdMark,
          }}
          format={(v, digits) => formatPercent(v, language, digits)}
          testId="new-gauge"
        />
      </div>
      <ChartTable
        caption={t.caption}
        columns={[t.zone, t.range]}
        rows={[
          ...ranges.map((r) => [BAND_LABELS[language][r.name], `${pct(r.from)} – ${pct(r.to)}`]),
          [t.threshold, pct(threshold)],
          [t.thisApplication, pct(probability)],
        ]}
      />
    </>
  );
}
