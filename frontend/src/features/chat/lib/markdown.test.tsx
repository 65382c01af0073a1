import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';
import { safeHref } from './safe-href';

const html = (text: string) => render(<Markdown text={text} />).container.firstElementChild as HTMLElement;

describe('Markdown', () => {
  it('escapes HTML: markup in the text is shown as text, never as elements', () => {
    const root = html('<script>alert(1)</script> <img src=x onerror="alert(2)"> **<b>hi</b>**');
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root).toHaveTextContent('<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>hi</b>');
    expect(root.querySelector('strong')).toHaveTextContent('<b>hi</b>');
  });

  it('renders bold, italic, code, paragraphs and line breaks', () => {
    const root = html('Use **STAR** and *be concise*, _really_.\nRun `npm test`.\n\nSecond paragraph with `**not bold**`.');
    const paragraphs = root.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(root.querySelector('strong')).toHaveTextContent('STAR');
    expect([...root.querySelectorAll('em')].map((element) => element.textContent)).toEqual(['be concise', 'really']);
    expect(paragraphs[0].querySelector('br')).not.toBeNull();
    const codes = [...root.querySelectorAll('code')].map((element) => element.textContent);
    expect(codes).toEqual(['npm test', '**not bold**']);
  });

  it('renders bullet and numbered lists', () => {
    const root = html('Prepare:\n- Research the company\n- Practise **aloud**\n\n1. First\n2. Second');
    expect([...root.querySelectorAll('ul > li')].map((item) => item.textContent)).toEqual(['Research the company', 'Practise aloud']);
    expect([...root.querySelectorAll('ol > li')].map((item) => item.textContent)).toEqual(['First', 'Second']);
  });

  it('links only http(s) URLs, opening them safely', () => {
    const root = html('[docs](https://example.com/a?b=1) [bad](javascript:alert%281%29) [worse](javascript:alert(1)) [data](data:text/html,hi) see http://example.org/x.');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com/a?b=1', 'http://example.org/x']);
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(links[0]).toHaveAttribute('target', '_blank');
    expect(root).toHaveTextContent('bad');
    expect(root.querySelector('[href^="javascript" i], [href^="data" i]')).toBeNull();
    expect(root.innerHTML).not.toMatch(/href="javascript/i);
  });

  it('keeps code blocks verbatim', () => {
    const root = html('```\nconst a = <div>*x*</div>;\n```');
    expect(root.querySelector('pre code')).toHaveTextContent('const a = <div>*x*</div>;');
    expect(root.querySelector('em')).toBeNull();
  });
});

describe('safeHref', () => {
  it('accepts http and https and refuses everything else', () => {
    expect(safeHref('https://ottobon.in')).toBe('https://ottobon.in/');
    expect(safeHref('HTTP://x.org/p')).toBe('http://x.org/p');
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', '/relative', 'mailto:a@b.c', 'vbscript:x']) {
      expect(safeHref(url)).toBeNull();
    }
  });
});
