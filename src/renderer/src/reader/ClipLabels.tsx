import { useState } from 'react';
import type { ClipMeta, Taxonomy } from '@core/model';
import { TagEditor } from '../components/TagEditor';
import { useReportError } from '../lib/report';

/** The clip's tags and collections in the reader's header, editable in place. */
export function ClipLabels({
  meta,
  taxonomy,
  onChanged,
}: {
  meta: ClipMeta;
  taxonomy: Taxonomy | null;
  onChanged: () => void;
}) {
  const report = useReportError();
  const [tags, setTags] = useState(meta.tags ?? []);
  const [collections, setCollections] = useState(meta.collections ?? []);
  const save = async (patch: { tags?: string[]; collections?: string[] }) => {
    try {
      const saved = await window.gloss.updateClip({ id: meta.id, ...patch });
      setTags(saved.tags);
      setCollections(saved.collections);
      onChanged();
    } catch (e) {
      report('Couldn’t save the clip’s labels', e);
    }
  };
  return (
    <div className="clip-labels">
      <TagEditor
        values={tags}
        suggestions={taxonomy?.tags.map((t) => t.name) ?? []}
        label="Tags"
        placeholder="Add a tag…"
        onChange={(next) => {
          setTags(next);
          void save({ tags: next });
        }}
      />
      <TagEditor
        values={collections}
        suggestions={taxonomy?.collections.map((t) => t.name) ?? []}
        label="Collections"
        placeholder="Add to a collection…"
        onChange={(next) => {
          setCollections(next);
          void save({ collections: next });
        }}
      />
    </div>
  );
}
