/**
 * The crash test's victim: opens a library with the real Gloss service and writes clips, highlights and
 * note edits in a loop until it is killed. Each line on stdout is JSON: `intent` before a write starts,
 * `ack` once it has resolved (stdout to a pipe is synchronous on Linux and macOS, so a line the parent
 * has read was written after the write finished).
 *
 * Usage: node crashWriter.mjs <library> <seed>   (the test bundles this file; `node --import tsx` works too)
 */
import { createGlossService } from '../../src/core/service';
import type { ClipDraft } from '../../src/core/model';

const [library, seedArg] = process.argv.slice(2);
if (!library) throw new Error('usage: crashWriter <library> <seed>');

let seed = Number(seedArg ?? 1) >>> 0 || 1;
/** xorshift32: the parent can replay a failing run from its seed. */
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
}
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const TEXT = 'Negotiations resumed on Tuesday after a week of silence. Both sides said the talks were useful.';

function draft(title: string): ClipDraft {
  return {
    title,
    byline: null,
    site: 'crash.example',
    published: null,
    url: null,
    lang: 'en',
    excerpt: null,
    origin: 'text',
    html: `<p>${TEXT}</p>`,
    text: TEXT,
  };
}

const service = await createGlossService({ libraryDir: library });
const clips = (await service.listClips()).map((c) => c.id);
const highlights: Array<{ clipId: string; id: string }> = [];
for (const id of clips)
  for (const h of (await service.getClip(id)).highlights) highlights.push({ clipId: id, id: h.id });
say({ ready: true, clips: clips.length, highlights: highlights.length });

for (let i = 0; ; i++) {
  const roll = random();
  const clipId = pick(clips);
  const target = pick(highlights);
  if (roll < 0.25 || !clipId) {
    const title = `Crash clip ${seedArg}-${i}`;
    say({ intent: 'clip', title });
    const clip = await service.addClipDraft(draft(title));
    clips.push(clip.id);
    say({ ack: 'clip', id: clip.id, title });
  } else if (roll < 0.55 || !target) {
    const start = Math.floor(random() * 40);
    say({ intent: 'highlight', clipId });
    const h = await service.addHighlight({ clipId, start, end: start + 5 + Math.floor(random() * 20) });
    highlights.push({ clipId, id: h.id });
    say({ ack: 'highlight', clipId, id: h.id });
  } else {
    const note = `note ${seedArg}-${i} ${'é'.repeat(Math.floor(random() * 2000))}`;
    say({ intent: 'note', clipId: target.clipId, id: target.id, note });
    await service.updateHighlight({ clipId: target.clipId, highlightId: target.id, note });
    say({ ack: 'note', clipId: target.clipId, id: target.id, note });
  }
}
