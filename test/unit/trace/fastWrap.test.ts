import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapToWidth } from '../../../src-main/modules/trace/fastWrap';

/** Every character 5 points wide: easy to reason about, and a word's width is its length × 5. */
const measure = (text: string) => text.length * 5;

describe('wrapToWidth (the recall report fast tables)', () => {
  it('a text that fits stays one line; a longer one breaks at spaces, each line within the width', () => {
    expect(wrapToWidth(measure, 'L24017-50, L24017-40', 200)).toEqual(['L24017-50, L24017-40']);
    expect(wrapToWidth(measure, 'L24017-50, L24017-40, L24018-34', 100)).toEqual(['L24017-50,', 'L24017-40,', 'L24018-34']);
  });

  it('an e-mail address wider than the column breaks after "-", "@" or "." rather than anywhere', () => {
    expect(wrapToWidth(measure, 'info@agriturismo-del-borgo.example', 100)).toEqual(['info@agriturismo-', 'del-borgo.example']);
  });

  it('never loses or adds a character, and no line is wider than the room (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z@.\-]{0,30}$/), { maxLength: 12 }), fc.integer({ min: 10, max: 200 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapToWidth(measure, text, width);
        // breaks at spaces drop that space; breaks inside a word drop nothing
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        if (lines.length > 1) for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(Math.max(width, 5));
      }),
    );
  });
});
