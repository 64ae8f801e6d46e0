import type { ProbeCase } from './case.js';
import { apiCases } from './cases/api.js';
import { crashCases } from './cases/crash.js';
import { inputCases } from './cases/input.js';
import { storeCases } from './cases/store.js';

/** Every case, in the order they run: the quick API ones first, the long crash scenarios last. */
export const CASES: ProbeCase[] = [...apiCases, ...inputCases, ...storeCases, ...crashCases];
