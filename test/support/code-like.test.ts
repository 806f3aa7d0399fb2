import { describe, expect, test } from 'vitest';
import { codeLikeWords } from './code-like.ts';

describe('the page check for code-like words', () => {
  test('finds a code a person would read, in English or Welsh pages', () => {
    expect(codeLikeWords('<p class="govuk-body">Benefit before work recorded: uc-lcwra, decided 1 May 2025</p>')).toEqual(['uc-lcwra']);
    expect(codeLikeWords('<td>protected (uc-reclaim)</td><td>job-start</td>')).toEqual(['uc-reclaim', 'job-start']);
  });

  test('leaves ordinary hyphenated words, markup, addresses and code-like contexts alone', () => {
    // Words the catalogues use are ordinary: part-time, e-bost.
    expect(codeLikeWords('<p>Part-time or full-time work; anfonwch e-bost</p>')).toEqual([]);
    expect(codeLikeWords('<a href="/cases/abc/better-off" class="govuk-link app-x-y">Work it out</a>')).toEqual([]);
    expect(codeLikeWords('<p>Email tenant-admin@leicester.bridgework.example or see https://example.org/check-a-guarantee</p>')).toEqual([]);
    expect(codeLikeWords('<p>Action <code class="app-code">case.job-start</code></p>')).toEqual([]);
    expect(codeLikeWords('<p>Reference <span class="app-code">ref-abc-123</span></p>')).toEqual([]);
    expect(codeLikeWords('<script>const x = "uc-lcwra";</script><p>Nothing here</p>')).toEqual([]);
  });
});
