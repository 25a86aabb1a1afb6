/**
 * The two facts about the library's files that code reading them without their schemas needs (the built
 * CLI's `gloss list` reads the catalogue without loading zod): the format version and what a safe id is.
 */

/** The file format version this build reads and writes. */
export const SCHEMA_VERSION = 1;

/** Ids that are safe as folder names: no dots, no slashes, so nothing can step outside the library. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;
