/**
 * A PDF clip's original file for pdf.js, read by byte range from `gloss-asset://<clip>/original.pdf` (the
 * desktop app's protocol; `/gloss-asset/…` of the UI tests' server), so pdf.js reads only the parts of the
 * file that the pages it draws need, as binary, never whole through GlossApi as base64. The core serves no
 * byte of a file whose SHA-256 is not the clipped one (core/library/originalPdfAsset.ts): its refusal
 * comes back here as the error to show.
 */
import { PDFDataRangeTransport } from 'pdfjs-dist';
import { assetUrl } from '../lib/sanitize';
import { base64Bytes } from './base64';

/** The size of the ranges pdf.js asks for. */
export const PDF_RANGE_CHUNK = 64 * 1024;
/**
 * The first read: the file's last this many bytes, which is the whole of most papers (one round trip), and
 * of a larger file the part pdf.js reads first (its cross-reference table and trailer are at the end).
 */
const FIRST_READ = 1024 * 1024;

interface Part {
  start: number;
  bytes: Uint8Array;
  /** The whole file's size. */
  size: number;
}

/** Reads `range` (an HTTP `Range` value) of the file at `url`; throws the server's reason when it refuses. */
async function readPart(url: string, range: string): Promise<Part> {
  const response = await fetch(url, { headers: { range }, cache: 'no-store', credentials: 'omit' });
  if (response.status !== 206 && response.status !== 200) {
    const reason = (await response.text().catch(() => '')).trim();
    throw Object.assign(new Error(reason || `The original PDF could not be read (${response.status}).`), {
      status: response.status,
    });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status === 200) return { start: 0, bytes, size: bytes.length };
  const found = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
  if (!found || Number(found[2]) - Number(found[1]) + 1 !== bytes.length)
    throw new Error('The original PDF was answered without a usable Content-Range.');
  return { start: Number(found[1]), bytes, size: Number(found[3]) };
}

/**
 * What to give pdf.js's `getDocument` for clip `clipId`'s original: its last {@link FIRST_READ} bytes are
 * read first; a file no larger is handed over whole (`data`), else a range transport (`range`, with `length`)
 * answers pdf.js's requests from that last part or by asking for them, so only the parts pdf.js needs are
 * read. Every read goes through the window's main thread, which is busy while a clip opens: fewer, larger
 * reads are faster than many small ones. A first read that fails for any reason but a refusal of the file
 * (409) reads it whole through GlossApi instead.
 * A later part that cannot be read (the file was changed or removed meanwhile) is reported to `onLost`, which
 * should destroy the document (pdf.js would otherwise wait for it).
 */
export async function pdfSource(
  clipId: string,
  onLost: (error: unknown) => void,
): Promise<{ data: Uint8Array; size: number } | { range: PDFDataRangeTransport; length: number; size: number }> {
  const url = assetUrl(clipId, 'original.pdf');
  let tail: Part;
  try {
    tail = await readPart(url, `bytes=-${FIRST_READ}`);
  } catch (error) {
    // Refused as not the file clipped: the reason is in hand.
    if ((error as { status?: number }).status === 409) throw error;
    // Anything else (no answer at all, no file, an answer without a usable range): read the file whole
    // through GlossApi instead, which checks it the same way and says what is wrong with it.
    const data = base64Bytes(await window.gloss.getClipPdf(clipId));
    return { data, size: data.length };
  }
  if (tail.start === 0 && tail.bytes.length === tail.size) return { data: tail.bytes, size: tail.size };
  const transport = new PDFDataRangeTransport(tail.size, null);
  const read = (begin: number, end: number) =>
    readPart(url, `bytes=${begin}-${end - 1}`).then((part) => {
      if (part.size !== tail.size) throw new Error('The original PDF changed while it was being read.');
      transport.onDataRange(begin, part.bytes);
    }, onLost);
  // Page one's content is mostly in the file's first chunk (LaTeX writes the first page's objects first): it is
  // asked for now, while pdf.js parses the tail, not once pdf.js asks for it — by then the window's main thread,
  // which every answer passes through, is busy with the clip's document and the reader's mount.
  const headEnd = Math.min(PDF_RANGE_CHUNK, tail.start);
  let head: Promise<Part> | null = readPart(url, `bytes=0-${headEnd - 1}`);
  head.catch(() => undefined);
  transport.requestDataRange = (begin: number, end: number) => {
    if (begin >= tail.start && end <= tail.start + tail.bytes.length) {
      // A copy: pdf.js takes over (detaches) the buffer it is handed.
      transport.onDataRange(begin, tail.bytes.slice(begin - tail.start, end - tail.start));
      return;
    }
    const early = begin === 0 && end <= headEnd ? head : null;
    if (!early) return void read(begin, end);
    head = null;
    early
      .then(
        (part) => {
          if (part.size !== tail.size) throw new Error('The original PDF changed while it was being read.');
          transport.onDataRange(0, part.bytes.slice(0, end));
        },
        // Read again as any other part, which reports what went wrong.
        () => read(begin, end),
      )
      .catch(onLost);
  };
  return { range: transport, length: tail.size, size: tail.size };
}
