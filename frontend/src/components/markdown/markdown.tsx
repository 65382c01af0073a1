import type { Nodes, Root } from 'mdast';
import type { ComponentProps, JSX } from 'react';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import { safeHref } from '@/lib/safe-href';

/**
 * Markdown as people and models write it (GitHub flavour: tables, nested and task lists, strikethrough, bare URLs),
 * for coach replies and provider-written job descriptions. It is safe to give it any text: raw HTML in it is shown
 * as text (never parsed), only http(s) links become links (they open in a new tab, without referrer or opener), and
 * images are shown as their alt text so a description cannot load anything. A single line break is kept.
 * With `headings`, a description's headings are real section headings under the page's title (h1 and h2 are h2,
 * deeper levels keep theirs), as the server renders them in description_html; without, they are bold lines.
 */
export function Markdown({ text, className = '', headings = false }: { text: string; className?: string; headings?: boolean }) {
  return (
    <div className={`min-w-0 space-y-2 break-words ${className}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkBreaks, htmlAsText]}
        skipHtml
        urlTransform={(url) => safeHref(url)}
        components={headings ? sectionComponents : components}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}

/** Raw HTML nodes become text: `<b>hi</b>` reads as written instead of disappearing (or rendering). */
function htmlAsText() {
  return (tree: Root) => replaceHtml(tree);
}

const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

function replaceHtml(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  children.forEach((child, index) => {
    if (child.type !== 'html') return replaceHtml(child);
    const text = { type: 'text' as const, value: child.value, position: child.position };
    children[index] = flowParents.has(node.type) ? { type: 'paragraph', children: [text], position: child.position } : text;
  });
}

type Props<T extends keyof JSX.IntrinsicElements> = ComponentProps<T> & ExtraProps;

/** react-markdown also passes its hast `node`: not a DOM attribute, so it is taken off before spreading. */
function domProps<P extends ExtraProps>(props: P): Omit<P, 'node'> {
  const rest = { ...props };
  delete rest.node;
  return rest;
}

const heading = (props: Props<'h1'>) => <p className="font-semibold" {...domProps(props)} />;

const sectionHeading = (Tag: 'h2' | 'h3' | 'h4' | 'h5') =>
  function SectionHeading(props: Props<'h2'>) {
    return <Tag className={`font-semibold text-slate-900 ${Tag === 'h2' ? 'pt-2 text-lg first:pt-0' : ''}`} {...domProps(props)} />;
  };

const components: Components = {
  a: ({ href, children }) =>
    // urlTransform left the href only on http(s) links; anything else is its text.
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="font-medium break-all underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt }) => (alt ? <span>{alt}</span> : null),
  // Headings in a message or a description are bold lines, so the page's own heading outline stays as it is.
  h1: heading,
  h2: heading,
  h3: heading,
  h4: heading,
  h5: heading,
  h6: heading,
  ul: ({ className, ...props }) => (
    <ul className={`space-y-1 pl-5 ${className?.includes('contains-task-list') ? 'list-none !pl-1' : 'list-disc'}`} {...domProps(props)} />
  ),
  ol: (props) => <ol className="list-decimal space-y-1 pl-5" {...domProps(props)} />,
  li: ({ className, ...props }) => (
    <li className={`[&>ol]:mt-1 [&>ul]:mt-1 ${className?.includes('task-list-item') ? 'flex items-start gap-2' : ''}`} {...domProps(props)} />
  ),
  input: ({ checked }) => (
    <input type="checkbox" checked={Boolean(checked)} disabled readOnly className="mt-1 size-3.5 shrink-0 accent-indigo-600" />
  ),
  // A wide table scrolls sideways inside its own box, never the page.
  table: (props) => (
    <div className="max-w-full overflow-x-auto rounded-md ring-1 ring-slate-900/10">
      <table className="min-w-full border-collapse text-left text-[0.95em]" {...domProps(props)} />
    </div>
  ),
  th: (props) => (
    <th className="border-b border-slate-200 bg-slate-50 px-2 py-1 font-semibold whitespace-nowrap" {...domProps(props)} />
  ),
  td: (props) => <td className="border-b border-slate-100 px-2 py-1 align-top" {...domProps(props)} />,
  blockquote: (props) => <blockquote className="border-l-2 border-slate-300 pl-3 text-slate-600" {...domProps(props)} />,
  pre: (props) => (
    <pre className="overflow-x-auto rounded-md bg-slate-900/90 p-2 text-xs text-slate-50 [&_code]:bg-transparent [&_code]:p-0" {...domProps(props)} />
  ),
  code: (props) => <code className="rounded bg-slate-900/10 px-1 py-0.5 font-mono text-[0.85em]" {...domProps(props)} />,
  hr: () => <hr className="border-slate-200" />,
};

const sectionComponents: Components = {
  ...components,
  h1: sectionHeading('h2'),
  h2: sectionHeading('h2'),
  h3: sectionHeading('h3'),
  h4: sectionHeading('h4'),
  h5: sectionHeading('h5'),
  h6: sectionHeading('h5'),
};
