/** The part of better-sqlite3's API the search benchmark uses (the package ships no types). */
declare module 'better-sqlite3' {
  namespace Database {
    interface Statement {
      run(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
      get(...params: unknown[]): unknown;
    }
    interface Database {
      exec(sql: string): void;
      prepare(sql: string): Statement;
      pragma(setting: string): unknown;
      transaction(work: () => void): () => void;
      close(): void;
    }
  }
  const Database: new (file: string) => Database.Database;
  export default Database;
}
