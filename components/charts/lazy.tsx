'use client';

/**
 * The charts, loaded on demand: recharts reaches the browser only on pages that draw a chart.
 * The data table under each chart is server-rendered, so the numbers are there before it loads.
 */
import dynamic from 'next/dynamic';

const placeholder = (height: number) =>
  function ChartLoading() {
    return <div style={{ height }} aria-hidden="true" />;
  };

export const PillarStatusChart = dynamic(() => import('./pillar-status-chart'), { ssr: false, loading: placeholder(320) });
export const CompletionChart = dynamic(() => import('./completion-chart'), { ssr: false, loading: placeholder(300) });
export const ChangeChart = dynamic(() => import('./change-chart'), { ssr: false, loading: placeholder(300) });
export const ShareChart = dynamic(() => import('./share-chart'), { ssr: false, loading: placeholder(210) });
