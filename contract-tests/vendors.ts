// One entry per API in redocly.yaml; the coverage guard checks that none is missing.
import { bigcommerce } from './bigcommerce/cases.js';
import { ecwid } from './ecwid/cases.js';
import type { ContractCases } from './support/cases.js';

export const vendors: Record<string, ContractCases> = { ecwid, bigcommerce };
