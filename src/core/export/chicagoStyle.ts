/**
 * A small CSL style for Chicago notes-and-bibliography entries of web sources, written for Gloss
 * (clips are web pages and pasted articles): Author. “Title.” Site, Month D, YYYY. URL.
 * citation-js ships APA but not Chicago, and the full Chicago style is far larger than clips need.
 */

/** The template name registered with citation-js. */
export const CHICAGO_TEMPLATE = 'gloss-chicago';

export const CHICAGO_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
  <info>
    <title>Chicago notes and bibliography, web sources (Gloss)</title>
    <id>${CHICAGO_TEMPLATE}</id>
    <updated>2025-01-01T00:00:00+00:00</updated>
  </info>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" and="text" sort-separator=", " delimiter=", " delimiter-precedes-last="always"/>
    </names>
  </macro>
  <macro name="date">
    <choose>
      <if variable="issued">
        <date variable="issued" form="text"/>
      </if>
      <else-if variable="accessed">
        <text term="accessed" suffix=" "/>
        <date variable="accessed" form="text"/>
      </else-if>
    </choose>
  </macro>
  <citation>
    <layout>
      <text variable="title" quotes="true"/>
    </layout>
  </citation>
  <bibliography hanging-indent="true">
    <sort>
      <key macro="author"/>
      <key variable="title"/>
    </sort>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <text variable="title" quotes="true"/>
        <group delimiter=", ">
          <text variable="container-title"/>
          <text macro="date"/>
        </group>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>
`;
