import {
  CHECK_LIST,
  HEADING,
  LINK,
  ORDERED_LIST,
  QUOTE,
  TEXT_FORMAT_TRANSFORMERS,
  UNORDERED_LIST,
} from '@lexical/markdown';
import type { Transformer } from '@lexical/markdown';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';

/** The nodes a highlight's note may hold: paragraphs, lists, links and inline formatting. */
export const NOTE_NODES: Array<Klass<LexicalNode>> = [ListNode, ListItemNode, LinkNode, AutoLinkNode];

/** The nodes of a notebook page (the quote block is added by the notebook). */
export const PAGE_NODES: Array<Klass<LexicalNode>> = [HeadingNode, QuoteNode, ...NOTE_NODES];

/** Markdown shortcuts in notes: lists, links and inline formatting as you type (`- `, `1. `, `**b**`, `` `c` ``). */
export const NOTE_TRANSFORMERS: Transformer[] = [UNORDERED_LIST, ORDERED_LIST, ...TEXT_FORMAT_TRANSFORMERS, LINK];

/** Markdown shortcuts in pages: also headings (`# `), quotes (`> `) and checklists (`[ ] `). */
export const PAGE_TRANSFORMERS: Transformer[] = [HEADING, QUOTE, CHECK_LIST, ...NOTE_TRANSFORMERS];
