// One chart of the trends, drawn by chart.js on a canvas: the library is imported here on first use (never in the
// first load), drawn in the theme's colours and again when the theme changes. The canvas is an image whose
// accessible name summarises it; the table beside the charts carries every figure.
import type { Chart, ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The theme's colours as chart.js needs them (it draws on a canvas, where CSS variables do not reach). */
export interface ChartColors {
  text: string;
  grid: string;
  accent: string;
  target: string;
}

function themeColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return { text: read('--text'), grid: read('--border'), accent: read('--accent'), target: read('--critical') };
}

export type ChartBuilder = (colors: ChartColors) => ChartConfiguration<'bar' | 'line', (number | null)[], string>;

export function TrendChart({ label, build }: { label: string; build: ChartBuilder }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    let live = true;
    let chart: Chart<'bar' | 'line', (number | null)[], string> | undefined;
    let observer: MutationObserver | undefined;
    import('./chartSetup').then(
      ({ Chart: ChartClass }) => {
        const target = canvas.current;
        if (!live || !target) return;
        const draw = () => {
          chart?.destroy();
          ChartClass.defaults.font.family = getComputedStyle(document.body).fontFamily;
          chart = new ChartClass(target, build(themeColors()));
        };
        draw();
        setDrawn(true);
        observer = new MutationObserver(draw);
        observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
      },
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
      observer?.disconnect();
      chart?.destroy();
    };
  }, [build]);
  return (
    <div className="trend-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-drawn={drawn ? 'true' : undefined} />
      {failed && (
        <p role="alert" className="notice notice-error">
          {t('coverage.trends.chartFailed', { message: failed })}
        </p>
      )}
    </div>
  );
}
