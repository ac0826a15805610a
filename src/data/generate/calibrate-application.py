# Derives the application generator's calibration tables from the real 5,000-row sample.
# Run: /usr/bin/python3 src/data/generate/calibrate-application.py && npx biome format --write src/data/generate/application-calibration.ts
import json, os
import numpy as np, pandas as pd
HERE = os.path.dirname(os.path.abspath(__file__))
d = pd.read_csv(os.path.join(HERE, '../../../../shared/data/home-credit/application_test_sample.csv'))
sent = d.DAYS_EMPLOYED == 365243
cash = d[d.NAME_CONTRACT_TYPE == 'Cash loans']
P = np.linspace(0, 1, 201)

def q(s):
    v = s.dropna().quantile(P, interpolation='linear').to_numpy()
    return [float(f'{x:.6g}') for x in v]

quant = {}
for c in ['DAYS_BIRTH', 'DAYS_REGISTRATION', 'DAYS_ID_PUBLISH', 'OWN_CAR_AGE', 'AMT_INCOME_TOTAL',
          'EXT_SOURCE_1', 'EXT_SOURCE_2', 'EXT_SOURCE_3', 'DAYS_LAST_PHONE_CHANGE',
          'OBS_30_CNT_SOCIAL_CIRCLE', 'HOUR_APPR_PROCESS_START', 'TOTALAREA_MODE'] + \
         [c for c in d.columns if c.startswith('AMT_REQ_')] + \
         [c for c in d.columns if c.endswith(('_AVG', '_MEDI')) or (c.endswith('_MODE') and d[c].dtype != object and c != 'TOTALAREA_MODE')]:
    quant[c] = q(d[c])
quant['DAYS_EMPLOYED'] = q(d.DAYS_EMPLOYED[~sent])
quant['AMT_GOODS_PRICE'] = q(cash.AMT_GOODS_PRICE)
quant['CREDIT_OVER_GOODS'] = q(cash.AMT_CREDIT / cash.AMT_GOODS_PRICE)
quant['CREDIT_OVER_ANNUITY'] = q(cash.AMT_CREDIT / cash.AMT_ANNUITY)
quant = {k: v for k, v in quant.items()}

flags = [c for c in d.columns if c.startswith(('FLAG_', 'REG_', 'LIVE_')) and c not in ('FLAG_OWN_CAR', 'FLAG_OWN_REALTY', 'FLAG_MOBIL', 'FLAG_EMP_PHONE')]
rates = {c: [round(float(d[c][~sent].mean()), 5), round(float(d[c][sent].mean()), 5)] for c in flags}

ages = -d.DAYS_BIRTH / 365.25
edges = [0, 25, 30, 35, 40, 45, 50, 55, 60, 65, 200]
types = ['Working', 'Commercial associate', 'State servant', 'Pensioner']
bucket = pd.cut(ages, edges)
itab = pd.crosstab(bucket, d.NAME_INCOME_TYPE).reindex(columns=types, fill_value=0)
income_by_age = [[int(x) for x in row] for row in itab.to_numpy()]

fam = ['Married', 'Single / not married', 'Civil marriage', 'Separated', 'Widow']
ctab = pd.crosstab(d.NAME_FAMILY_STATUS, d.CNT_CHILDREN).reindex(index=fam, fill_value=0)
children = {f: [int(x) for x in ctab.loc[f].to_numpy()] for f in fam}

reg = d.groupby(['REGION_POPULATION_RELATIVE', 'REGION_RATING_CLIENT', 'REGION_RATING_CLIENT_W_CITY']).size()
regions = [[float(a), int(b), int(c), int(n)] for (a, b, c), n in reg.items()]

bcols = [c for c in d.columns if c.endswith(('_AVG', '_MODE', '_MEDI'))]
anyb = d[bcols].notna().any(axis=1)
present = {c: round(float(d[c].notna().sum() / anyb.sum()), 4) for c in bcols}

out = ['// Generated once from ../shared/data/home-credit/application_test_sample.csv by calibrate-application.py',
       '// (201 quantiles per number, flag rates, small conditional tables); do not edit by hand.',
       '',
       '/** 201 quantiles (0%, 0.5%, …, 100%) of each numeric column in the real sample (non-missing values). */',
       f'export const QUANTILES: Readonly<Record<string, readonly number[]>> = {json.dumps(quant)};',
       '',
       '/** Rate of 1 for each 0/1 flag: [employed clients, DAYS_EMPLOYED sentinel group]. */',
       f'export const FLAG_RATES: Readonly<Record<string, readonly [number, number]>> = {json.dumps(rates)};',
       '',
       f'/** Age bucket edges in years; INCOME_TYPE_BY_AGE rows follow them. */',
       f'export const AGE_EDGES: readonly number[] = {json.dumps(edges)};',
       f'export const INCOME_TYPES: readonly string[] = {json.dumps(types)};',
       '/** Counts of each income type (columns: INCOME_TYPES) per age bucket. */',
       f'export const INCOME_TYPE_BY_AGE: readonly (readonly number[])[] = {json.dumps(income_by_age)};',
       '',
       '/** Counts of CNT_CHILDREN = 0, 1, 2, … per family status. */',
       f'export const CHILDREN_BY_FAMILY: Readonly<Record<string, readonly number[]>> = {json.dumps(children)};',
       '',
       '/** [REGION_POPULATION_RELATIVE, REGION_RATING_CLIENT, REGION_RATING_CLIENT_W_CITY, count]. */',
       f'export const REGIONS: readonly (readonly [number, number, number, number])[] = {json.dumps(regions)};',
       '',
       f'/** Share of clients with any building measure. */',
       f'export const BUILDING_PRESENT = {round(float(anyb.mean()), 4)};',
       '/** Share of each building column present among clients with any building measure. */',
       f'export const BUILDING_COLUMN_PRESENT: Readonly<Record<string, number>> = {json.dumps(present)};',
       '']
open(os.path.join(HERE, 'application-calibration.ts'), 'w').write('\n'.join(out))
print(len('\n'.join(out)))
