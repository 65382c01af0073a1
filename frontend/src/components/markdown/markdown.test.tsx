import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { safeHref } from '@/lib/safe-href';
import { Markdown } from './markdown';

const html = (text: string) => render(<Markdown text={text} />).container.firstElementChild as HTMLElement;

describe('Markdown', () => {
  it('never renders raw HTML: markup in the text is shown as text', () => {
    const root = html('<script>alert(1)</script>\n\nSee <img src=x onerror="alert(2)"> **<b>hi</b>**\n\n<div onclick="x()">block</div>');
    expect(root.querySelector('script, img, b, div[onclick], [onerror]')).toBeNull();
    expect(root).toHaveTextContent('<script>alert(1)</script>');
    expect(root).toHaveTextContent('<img src=x onerror="alert(2)">');
    expect(root.querySelector('strong')).toHaveTextContent('<b>hi</b>');
    expect(root).toHaveTextContent('<div onclick="x()">block</div>');
  });

  it('renders bold, italic, strikethrough, code, paragraphs and single line breaks', () => {
    const root = html('Use **STAR** and *be concise*, _really_, ~~not this~~.\nRun `npm test`.\n\nSecond paragraph with `**not bold**`.');
    const paragraphs = root.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(root.querySelector('strong')).toHaveTextContent('STAR');
    expect([...root.querySelectorAll('em')].map((element) => element.textContent)).toEqual(['be concise', 'really']);
    expect(root.querySelector('del')).toHaveTextContent('not this');
    expect(paragraphs[0].querySelector('br')).not.toBeNull();
    const codes = [...root.querySelectorAll('code')].map((element) => element.textContent);
    expect(codes).toEqual(['npm test', '**not bold**']);
  });

  it('renders bullet, numbered and nested lists', () => {
    const root = html('Prepare:\n- Research the company\n  - its products\n  - its values\n- Practise **aloud**\n\n1. First\n2. Second\n   1. Second, part a');
    const outer = root.querySelector('ul') as HTMLElement;
    expect([...outer.querySelectorAll(':scope > li')]).toHaveLength(2);
    expect([...outer.querySelectorAll(':scope > li > ul > li')].map((item) => item.textContent)).toEqual(['its products', 'its values']);
    expect(root.querySelector('ol > li > ol > li')).toHaveTextContent('Second, part a');
  });

  it('renders task lists as read-only checkboxes', () => {
    const root = html('- [x] Update the resume\n- [ ] Practise the STAR answers');
    const boxes = [...root.querySelectorAll<HTMLInputElement>('li input[type="checkbox"]')];
    expect(boxes.map((box) => box.checked)).toEqual([true, false]);
    expect(boxes.every((box) => box.disabled)).toBe(true);
    expect(root.querySelectorAll('li')[1]).toHaveTextContent('Practise the STAR answers');
  });

  it('renders tables inside a box that scrolls sideways on its own', () => {
    const root = html('| Skill | You | Job |\n| --- | :-: | --: |\n| React | yes | required |\n| SQL | no | nice to have |');
    const table = root.querySelector('table') as HTMLTableElement;
    expect([...table.querySelectorAll('thead th')].map((cell) => cell.textContent)).toEqual(['Skill', 'You', 'Job']);
    expect([...table.querySelectorAll('tbody tr')].map((row) => row.textContent)).toEqual(['Reactyesrequired', 'SQLnonice to have']);
    expect(table.parentElement).toHaveClass('overflow-x-auto');
  });

  it('links only http(s) URLs, opening them safely', () => {
    const root = html(
      '[docs](https://example.com/a?b=1) [bad](javascript:alert%281%29) [worse](javascript:alert(1)) [data](data:text/html,hi) [mail](mailto:a@b.c) see http://example.org/x. ![pixel](https://tracker.example/p.gif)',
    );
    const links = [...root.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com/a?b=1', 'http://example.org/x']);
    for (const link of links) {
      expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
      expect(link).toHaveAttribute('target', '_blank');
    }
    expect(root).toHaveTextContent('bad worse data mail');
    expect(root.querySelector('[href^="javascript" i], [href^="data" i], [src]')).toBeNull();
    expect(root.innerHTML).not.toMatch(/javascript:|data:text/i);
    // Images are not loaded: their alt text stands in.
    expect(root).toHaveTextContent('pixel');
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
