/**
 * Vitest setup file (run before each test file): removes the temp folders the file's tests made with `tempDir()`
 * once the file is done, pass or fail. Registered here first, this `afterAll` runs after the file's own `afterAll`
 * hooks (vitest runs them in reverse order), so services and browsers are closed by then.
 */
import { afterAll } from 'vitest';
import { removeTempDirs } from '../src/core/library/testTempFolders';

afterAll(removeTempDirs);
