/**
 * The download name of a profile: `<name>.profile`, with the characters file systems refuse (path
 * separators, Windows' reserved set, control characters) replaced by "_", since a profile's name is
 * free text the user typed or a file name from elsewhere.
 * @example profileFileName('reference.csv') // 'reference.profile'
 * @example profileFileName('a/b: 2024') // 'a_b_ 2024.profile'
 */
export function profileFileName(name: string): string {
  const base = name
    .trim()
    .replace(/\.(csv|tsv|txt|profile)$/i, '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return `${base || 'reference'}.profile`;
}

/** The default name of a profile saved from a CSV: its file name without the extension. */
export function defaultProfileName(file: string): string {
  return file.replace(/\.(csv|tsv|txt)$/i, '') || file;
}
