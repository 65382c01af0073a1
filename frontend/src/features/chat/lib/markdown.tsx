import type { ReactNode } from 'react';
import { safeHref } from './safe-href';

/**
 * A tiny, safe Markdown renderer for coach messages. It builds React elements (never HTML strings), so any
 * markup in the text is shown as text. Supported: paragraphs, line breaks, `-`/`*`/`1.` lists, ``` code
 * blocks, `# headings` (as bold lines), **bold**, *italic* / _italic_, `code` and links — only http(s) ones.
 */
export function Markdown({ text, className = '' }: { text: string; className?: string }) {
  return <div className={`space-y-2 break-words ${className}`}>{renderBlocks(text)}</div>;
}

type Block =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'code'; text: string };

const bulletLine = /^\s*[-*+]\s+(.*)$/;
const orderedLine = /^\s*\d{1,9}[.)]\s+(.*)$/;
const headingLine = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const fenceLine = /^\s*```/;

function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    if (fenceLine.test(line)) {
      const code: string[] = [];
      index += 1;
      while (index < lines.length && !fenceLine.test(lines[index])) code.push(lines[index++]);
      index += 1; // the closing fence (or the end)
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = headingLine.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', text: heading[1] });
      index += 1;
      continue;
    }
    const ordered = orderedLine.test(line);
    if (ordered || bulletLine.test(line)) {
      const pattern = ordered ? orderedLine : bulletLine;
      const items: string[] = [];
      while (index < lines.length) {
        const match = pattern.exec(lines[index]);
        if (match) items.push(match[1]);
        else if (lines[index].trim() !== '' && /^\s{2,}/.test(lines[index]) && items.length > 0)
          items[items.length - 1] += ` ${lines[index].trim()}`; // an indented continuation
        else break;
        index += 1;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (
      index < lines.length &&
      lines[index].trim() !== '' &&
      !fenceLine.test(lines[index]) &&
      !headingLine.test(lines[index]) &&
      !bulletLine.test(lines[index]) &&
      !orderedLine.test(lines[index])
    ) {
      paragraph.push(lines[index++]);
    }
    blocks.push({ kind: 'paragraph', lines: paragraph });
  }
  return blocks;
}

function renderBlocks(text: string): ReactNode[] {
  return parseBlocks(text).map((block, index) => {
    switch (block.kind) {
      case 'code':
        return (
          <pre key={index} className="overflow-x-auto rounded-md bg-slate-900/90 p-2 text-xs text-slate-50">
            <code>{block.text}</code>
          </pre>
        );
      case 'heading':
        return (
          <p key={index} className="font-semibold">
            {renderInline(block.text)}
          </p>
        );
      case 'list': {
        const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{renderInline(item)}</li>);
        return block.ordered ? (
          <ol key={index} className="list-decimal space-y-1 pl-5">
            {items}
          </ol>
        ) : (
          <ul key={index} className="list-disc space-y-1 pl-5">
            {items}
          </ul>
        );
      }
      case 'paragraph':
        return (
          <p key={index}>
            {block.lines.map((line, lineIndex) => (
              <span key={lineIndex}>
                {lineIndex > 0 && <br />}
                {renderInline(line)}
              </span>
            ))}
          </p>
        );
    }
  });
}

// Code first (nothing inside it is formatted), then links, bold, italic and bare URLs.
const inlinePattern =
  /(`[^`\n]+`)|(\[([^\]\n]+)\]\(\s*([^()\s]+)\s*\))|(\*\*([^\n]+?)\*\*)|(__([^\n]+?)__)|(\*([^*\s](?:[^*\n]*[^*\s])?)\*)|(\b_([^_\s](?:[^_\n]*[^_\s])?)_\b)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])/;

function renderInline(text: string, depth = 0): ReactNode[] {
  const nodes: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length > 0) {
    const match = depth > 4 ? null : inlinePattern.exec(rest);
    if (!match) {
      nodes.push(rest);
      break;
    }
    if (match.index > 0) nodes.push(rest.slice(0, match.index));
    const [whole, code, link, linkText, linkUrl, bold, boldText, bold2, bold2Text, italic, italicText, italic2, italic2Text, bareUrl] = match;
    key += 1;
    if (code) {
      nodes.push(
        <code key={key} className="rounded bg-slate-900/10 px-1 py-0.5 font-mono text-[0.85em]">
          {code.slice(1, -1)}
        </code>,
      );
    } else if (link) {
      const href = safeHref(linkUrl);
      nodes.push(
        href ? (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer nofollow" className="font-medium underline">
            {renderInline(linkText, depth + 1)}
          </a>
        ) : (
          <span key={key}>{renderInline(linkText, depth + 1)}</span>
        ),
      );
    } else if (bold || bold2) {
      nodes.push(<strong key={key}>{renderInline(boldText ?? bold2Text, depth + 1)}</strong>);
    } else if (italic || italic2) {
      nodes.push(<em key={key}>{renderInline(italicText ?? italic2Text, depth + 1)}</em>);
    } else if (bareUrl) {
      const href = safeHref(bareUrl);
      nodes.push(
        href ? (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer nofollow" className="font-medium underline break-all">
            {bareUrl}
          </a>
        ) : (
          bareUrl
        ),
      );
    }
    rest = rest.slice(match.index + whole.length);
  }
  return nodes;
}
