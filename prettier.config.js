// Options chosen close to the hand-written style of the code, so the one reformatting commit stays small:
// single quotes, semicolons, trailing commas everywhere, and a wide line (140 columns: the code has many
// long one-line messages and signatures; 120 would change 1,600 more lines than 140).
export default {
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  printWidth: 140,
  plugins: ['prettier-plugin-svelte'],
  overrides: [{ files: '*.svelte', options: { parser: 'svelte' } }],
};
