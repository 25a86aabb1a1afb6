import '../styles/rich.css';
import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on the nodes it renders (styled in styles/rich.css), for notes and pages alike. */
export const richTheme: EditorThemeClasses = {
  paragraph: 'rt-p',
  quote: 'rt-quote',
  heading: { h1: 'rt-h1', h2: 'rt-h2', h3: 'rt-h3', h4: 'rt-h4', h5: 'rt-h5', h6: 'rt-h6' },
  list: {
    ul: 'rt-ul',
    ol: 'rt-ol',
    checklist: 'rt-checklist',
    listitem: 'rt-li',
    listitemChecked: 'rt-li-checked',
    listitemUnchecked: 'rt-li-unchecked',
    nested: { listitem: 'rt-li-nested' },
  },
  link: 'rt-link',
  code: 'rt-code-block',
  text: {
    bold: 'rt-bold',
    italic: 'rt-italic',
    code: 'rt-code',
    strikethrough: 'rt-strike',
    underline: 'rt-underline',
  },
};
