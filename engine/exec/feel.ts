/** @module The engine's one door to FEEL (engine/expressions): isFeel, parseFeel, evaluateFeel with the step's clock and calendar. */
export { evaluateFeel, type FeelEnv, type FeelResult, isFeel, parseFeel } from '../expressions';
