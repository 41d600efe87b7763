import { describe, expect, it } from 'vitest';
import type { Figure } from '../model/index.ts';
import { buildFigureSeries, type FigureSeriesInput, type SeriesPlace } from './figure-series.ts';

const KURSK: SeriesPlace = { key: 'place:geonames:538555', country: 'RU', kind: 'region' };
const RUSSIA: SeriesPlace = { key: 'place:geonames:2017370', country: 'RU', kind: 'country' };
const POKROVSK: SeriesPlace = { key: 'place:geonames:704147', country: 'UA', kind: 'city' };

function figure(
  articleId: string,
  text: string,
  value: number,
  unit: string,
  counted: string | null,
  date: string | null,
  places: SeriesPlace[],
  extra: Partial<Figure> = {},
): FigureSeriesInput {
  return {
    articleId,
    index: 0,
    published: date,
    places,
    figure: { start: 0, end: text.length, text, value, valueMax: null, unit, counted, qualifier: null, date, party: null, hypothetical: false, sentence: 0, ...extra },
  };
}

describe('figure series', () => {
  it('puts the territory held in Kursk in one series in time order, the settlements in another', () => {
    const series = buildFigureSeries([
      figure('003', '1,300 square kilometers', 1300, 'km2', 'Russian territory', '2024-10-07', [KURSK], { qualifier: 'over' }),
      figure('002', '1,250 square kilometers', 1250, 'km2', 'expanded into Russia', '2024-08-19', [RUSSIA]),
      figure('002', '90 settlements', 90, 'settlements', 'settlements in the Kursk region', '2024-08-19', [KURSK]),
      figure('003', '100 settlements', 100, 'settlements', 'settlements', '2024-10-07', [KURSK]),
    ], { minPoints: 2 });
    expect(series.map((s) => [s.unit, s.points.map((p) => p.value)])).toEqual([
      ['km2', [1250, 1300]],
      ['settlements', [90, 100]],
    ]);
  });

  it('keeps a rate apart from a stock, places apart from each other, and hypothetical numbers out', () => {
    const series = buildFigureSeries([
      figure('002', 'approximately 53,000 individuals', 53000, 'people', 'individuals still residing in Pokrovsk', '2024-08-19', [POKROVSK]),
      figure('004', '60,000 people', 60000, 'people', 'people before the war', '2025-11-01', [POKROVSK]),
      figure('002', 'up to 600 people', 600, 'people', 'people leaving the area daily', '2024-08-19', [POKROVSK]),
      figure('003', '121,000 people', 121000, 'people', 'people evacuated from border areas', '2024-08-20', [KURSK]),
      figure('000', 'three', 3, 'brigades', 'brigades', '2024-07-31', [], { hypothetical: true }),
    ]);
    const byValues = series.map((s) => s.points.map((p) => p.value));
    expect(byValues).toContainEqual([53000, 60000]);
    expect(byValues).toContainEqual([600]);
    expect(byValues).toContainEqual([121000]);
    expect(byValues.flat()).not.toContain(3);
  });

  it('does not make a series of several numbers one article lists, or of a bare number and an unplaced one', () => {
    const BELGOROD: SeriesPlace = { key: 'place:geonames:578072', country: 'RU', kind: 'city' };
    const series = buildFigureSeries([
      figure('000', '30', 30, 'km', null, '2024-07-31', [BELGOROD]),
      figure('000', '60', 60, 'km', null, '2024-07-31', [BELGOROD]),
      figure('000', '100 kilometers', 100, 'km', null, '2024-07-31', [BELGOROD]),
      figure('002', '10km', 10, 'km', 'distance from the city’s outskirts', '2024-08-19', []),
    ]);
    expect(series.every((s) => s.points.length === 1)).toBe(true);
  });

  it('does not depend on the order figures arrive in', () => {
    const inputs = [
      figure('a', '1,250 km2', 1250, 'km2', 'territory in Kursk', '2024-08-19', [KURSK]),
      figure('b', '1,300 km2', 1300, 'km2', 'territory', '2024-10-07', [KURSK]),
      figure('c', '10 km', 10, 'km', 'from the city', '2024-08-19', [POKROVSK]),
    ];
    const shape = (list: FigureSeriesInput[]) => buildFigureSeries(list).map((s) => [s.id, s.points.map((p) => p.articleId)]);
    expect(shape([...inputs].reverse())).toEqual(shape(inputs));
  });
});
