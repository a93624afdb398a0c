/**
 * Spreadsheet files to {@link fpimport.source.SourceRow}s, as the user sees them in Excel
 * or an editor.
 */
package fpimport.source;
