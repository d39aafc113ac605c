// Stands in for `string-width` in the CLI bundle. Loading it builds a `\p{RGI_Emoji}` regular expression and an
// `Intl.Segmenter` (about 15 ms), which only yargs' help text needs; this defers that to the first measurement.
let stringWidth;
module.exports = function lazyStringWidth(text, options) {
  stringWidth ??= require('string-width').default;
  return stringWidth(text, options);
};
