// Plotly figure specs built from artifacts, as plain JSON: shared by notebooks, HTML reports, the engine
// dashboard and tests.
export { rollingMetricsFigure } from './rolling-metrics-figure.js';
export type { PlotlyFigure, RollingPoint, TimeMarker, ValidationLevels } from './rolling-metrics-figure.js';
// Report building blocks shared by the notebooks (notebooks/*.ipynb import them from dist/), the report
// stage and the tests: plotly figure specs and tables computed from artifacts, the HTML they render to,
// and the headless notebook runner. Figures are plain JSON specs; nothing here draws or needs a browser.
export { candlestickFigure } from './candlestick-figure.js';
export { precisionRecallFigure, rocFigure } from './class-curves-figure.js';
export type { ModelProba } from './class-curves-figure.js';
export { confusionFigure } from './confusion-figure.js';
export { dataQualityFindings, dataQualityRows, readIngestReport } from './data-quality.js';
export type { DataQualityRow } from './data-quality.js';
export {
  dvcExperiments,
  EXPERIMENT_METRICS,
  experimentsTable,
  metricsVsParamFigure,
  parseDvcExpShow,
  varyingParams,
} from './dvc-experiments.js';
export type { ExperimentRow } from './dvc-experiments.js';
export { correlationHeatmap, featureCorrelation } from './feature-correlation.js';
export type { CorrelationMatrix } from './feature-correlation.js';
export { featureImportanceFigure, readFeatureImportance } from './feature-importance.js';
export type { FeatureImportance } from './feature-importance.js';
export { baseLayout, COLORS, plotDates, round6, rounded } from './figure.js';
export type { Figure, Trace } from './figure.js';
export { labelCounts, labelDistributionFigure } from './label-distribution.js';
export { ensureLibraryBuild } from './library-build.js';
export type { LabelCounts } from './label-distribution.js';
export { compareModels, modelComparisonFigure } from './model-comparison.js';
export type { MetricRow } from './model-comparison.js';
export { notebookFailure, parseNotebookResults, RESULT_PREFIX } from './notebook-error.js';
export type { NotebookResult } from './notebook-error.js';
export { runNotebooks } from './notebook-runner.js';
export type { NotebookRun, RunNotebooksOptions } from './notebook-runner.js';
export { offlineProblems } from './offline-html.js';
export type { OfflineCheck } from './offline-html.js';
export { figureHtml, PLOTLY_MARKER, plotlyLibraryHtml, plotlySource } from './plotly-html.js';
export type { FigureHtmlOptions } from './plotly-html.js';
export { promotionCurves } from './promotion-curves.js';
export type { PolicyCurve, PromotionCurves } from './promotion-curves.js';
export { bootstrapFigure, equityFigure, perSymbolSharpeFigure } from './promotion-figures.js';
export { promotionReportMarkdown } from './promotion-report-markdown.js';
export { reliability, reliabilityFigure } from './reliability-figure.js';
export type { Reliability } from './reliability-figure.js';
export { findProjectRoot, reportContext } from './report-context.js';
export type { ReportContext } from './report-context.js';
export { icFigure, quantileFigure, signalRows } from './signal-figures.js';
export { symbolSummaries } from './symbol-summary.js';
export type { SymbolSummary } from './symbol-summary.js';
export { formatCell, markdownTable, tableHtml } from './table-html.js';
export type { TableHtmlOptions, TableInput } from './table-html.js';
export { directionalScore, testPredictions } from './test-predictions.js';
export type { TestPredictions } from './test-predictions.js';
export {
  criteriaRows,
  perSymbolUpliftRows,
  policyComparisonRows,
  readValidationReport,
} from './validation-report.js';
export type { ChecklistJson, SymbolMetrics, ValidationReport } from './validation-report.js';
