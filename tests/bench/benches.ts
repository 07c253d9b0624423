import type { Figure } from './run';

// The benchmarks of the later parts (exports, search) register here.
export const BENCHES: [string, () => Figure[] | Promise<Figure[]>][] = [];
