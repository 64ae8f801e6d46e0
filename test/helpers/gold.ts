import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export type GoldRef = {
  symbol: string;
  issuedOn: string | null;
  type: string;
  issuer?: string;
  relation?: string[];
  inFootnote?: boolean;
  optional?: boolean;
  accept?: string[];
  aliases?: string[];
};
export type GoldFile = {
  sameDocumentAs?: string;
  document: Record<string, unknown>;
  references: GoldRef[];
  facts?: Array<{ from: string; relation: string; to: string }>;
  findings?: Array<{ code: string; symbol: string }>;
};
export type Gold = {
  files: Record<string, GoldFile>;
  across: {
    implementers: Record<string, string[]>;
    sameDocument: string[][];
    distinctDocuments: string[][];
  };
};

export const gold: Gold = JSON.parse(
  readFileSync(join(projectRoot(), 'test', 'fixtures', 'gold-seeds.json'), 'utf8'),
);
export const seedPath = (file: string) => join(projectRoot(), 'seeds', file);
export const seedText = (file: string) => readFileSync(seedPath(file), 'utf8');
