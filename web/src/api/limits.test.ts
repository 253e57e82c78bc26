/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATION_MAX_CHAPTERS, TARGET_WORDS_MAX, TARGET_WORDS_MIN, TITLE_MAX_LENGTH } from './limits';

/** The value of a `static final int NAME = value;` constant in a content-service source file. */
function serverConstant(file: string, name: string): number {
  const path = `../../../services/content-service/src/main/java/io/authorworks/content/${file}`;
  const match = new RegExp(`static final int ${name} = ([\\d_]+);`).exec(
    readFileSync(new URL(path, import.meta.url), 'utf8'),
  );
  if (!match?.[1]) {
    throw new Error(`${name} is not a constant in ${file}`);
  }
  return Number(match[1].replaceAll('_', ''));
}

describe('client limits', () => {
  it('are the ones the content-service validates', () => {
    expect(TITLE_MAX_LENGTH).toBe(serverConstant('support/Titles.java', 'MAX_LENGTH'));
    expect(GENERATION_MAX_CHAPTERS).toBe(
      serverConstant('generation/GenerationProperties.java', 'DEFAULT_MAX_CHAPTERS'),
    );
    expect(TARGET_WORDS_MIN).toBe(serverConstant('generation/GenerationJobs.java', 'MIN_TARGET_WORDS'));
    expect(TARGET_WORDS_MAX).toBe(serverConstant('generation/GenerationJobs.java', 'MAX_TARGET_WORDS'));
  });
});
