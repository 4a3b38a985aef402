export { applyTemperature, fitTemperature, temperatureNll } from './temperature-scaling.js';
export type { TemperatureFit, TemperatureFitOptions } from './temperature-scaling.js';
