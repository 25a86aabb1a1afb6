/**
 * Article texts for snippets and phrase checks, read from the library only when a hit needs them and
 * kept in a small least-recently-used cache, so opening a saved index never reads every article.
 */

/** Reads one clip's article text. */
export type ReadText = (clipId: string) => Promise<string>;

export class TextCache {
  private readonly texts = new Map<string, string>();

  /**
   * @param read where texts come from; without it, every text given to {@link set} is kept (tests, benchmarks).
   * @param capacity how many texts to keep when `read` is given.
   */
  constructor(
    private readonly read: ReadText | null,
    private readonly capacity = 64,
  ) {}

  /** The text of a clip; '' if it cannot be read (the hit then shows its title and no body snippet). */
  async get(clipId: string): Promise<string> {
    const cached = this.texts.get(clipId);
    if (cached !== undefined) {
      this.touch(clipId, cached);
      return cached;
    }
    if (!this.read) return '';
    const text = await this.read(clipId).catch(() => null);
    if (text === null) return '';
    this.touch(clipId, text);
    return text;
  }

  /** Remembers a text just written or indexed (it is likely to be searched for soon). */
  set(clipId: string, text: string): void {
    this.touch(clipId, text);
  }

  delete(clipId: string): void {
    this.texts.delete(clipId);
  }

  /** Map order is insertion order: re-inserting marks a text as most recent, the first key is the oldest. */
  private touch(clipId: string, text: string): void {
    this.texts.delete(clipId);
    this.texts.set(clipId, text);
    if (!this.read) return;
    while (this.texts.size > this.capacity) this.texts.delete(this.texts.keys().next().value!);
  }
}
