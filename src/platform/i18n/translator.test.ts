import { describe, expect, test } from 'vitest';
import { createTranslator, defineMessages, isLanguage } from './translator.ts';

describe('message catalogues', () => {
  const a = defineMessages({ 'a.hello': 'Hello {name}', 'a.plain': 'Plain' }, { 'a.hello': 'Helo {name}', 'a.plain': 'Plaen' });
  const b = defineMessages({ 'b.bye': 'Goodbye' }, { 'b.bye': 'Hwyl fawr' });

  test('merge every module’s catalogue and fill in parameters', () => {
    const t = createTranslator([a, b]);
    expect(t('en')('a.hello', { name: 'Sam' })).toBe('Hello Sam');
    expect(t('cy')('a.hello', { name: 'Sam' })).toBe('Helo Sam');
    expect(t('cy')('b.bye')).toBe('Hwyl fawr');
    expect(t('en')('a.hello')).toBe('Hello {name}');
  });

  test('pass through text that is not a key', () => {
    expect(createTranslator([a])('cy')('Invalid input')).toBe('Invalid input');
  });

  test('refuse a key defined twice', () => {
    expect(() => createTranslator([a, a])).toThrow(/defined twice/);
  });

  test('know the two languages', () => {
    expect(['en', 'cy', 'fr', undefined].map(isLanguage)).toEqual([true, true, false, false]);
  });
});
