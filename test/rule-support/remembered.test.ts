/** `rememberedByText`: each text judged once while remembered, undefined judgements too, and a bounded memory. */
import { describe, expect, it } from 'vitest';
import { rememberedByText } from '../../src/rule-support/remembered.js';

describe('rememberedByText', () => {
  it('judges a text once and gives every caller the same judgement, an undefined one included', () => {
    const judged: string[] = [];
    const judge = rememberedByText((text) => {
      judged.push(text);
      return text.startsWith('arn:') ? { text } : undefined;
    });
    const first = judge('arn:aws:iam::123456789012:role/a');
    expect(judge('arn:aws:iam::123456789012:role/a')).toBe(first);
    expect(judge('not an arn')).toBeUndefined();
    expect(judge('not an arn')).toBeUndefined();
    expect(judged).toEqual(['arn:aws:iam::123456789012:role/a', 'not an arn']);
  });

  it('forgets what it remembered once it holds `limit` texts, and judges them again', () => {
    const judged: string[] = [];
    const judge = rememberedByText((text) => judged.push(text), 2);
    for (const text of ['a', 'b', 'a', 'b', 'c', 'a']) judge(text);
    // `c` found the memory full: it starts again from `c`, so `a` is judged anew.
    expect(judged).toEqual(['a', 'b', 'c', 'a']);
  });
});
