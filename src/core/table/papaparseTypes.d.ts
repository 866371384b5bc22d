/**
 * The part of @types/papaparse that parseCsv and the dashboard's readHeader use. src/core/tsconfig.json
 * and the browser tsconfig.json map 'papaparse' here: @types/papaparse starts with
 * `/// <reference types="node" />` for its stream input, which would give core and the dashboard all of
 * Node's globals and hide a Node API used there. tests/tsconfig.json and tsconfig.lib.json check the
 * same code against the full @types/papaparse, so the two cannot drift apart unnoticed.
 */
declare namespace Papa {
  /** In @types/papaparse: `File | NodeJS.ReadableStream`; parseCsv passes its own stream adapter. */
  interface LocalFile {
    readonly readable: boolean;
  }
  interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
    message: string;
    row?: number | undefined;
    index?: number | undefined;
  }
  interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
  }
  interface Parser {
    abort(): void;
    pause(): void;
    resume(): void;
  }
  interface ParseConfig {
    header?: boolean | undefined;
    delimiter?: string | undefined;
    newline?: '\r' | '\n' | '\r\n' | undefined;
    quoteChar?: string | undefined;
    skipEmptyLines?: boolean | 'greedy' | undefined;
    preview?: number | undefined;
  }
  interface ParseLocalConfig<T> extends ParseConfig {
    chunk?(results: ParseResult<T>, parser: Parser): void;
    complete(results: ParseResult<T>, file: LocalFile): void;
    error?(error: Error, file: LocalFile): void;
  }
  function parse<T>(csvString: string, config?: ParseConfig): ParseResult<T>;
  function parse<T>(file: LocalFile, config: ParseLocalConfig<T>): void;
}
export = Papa;
