/**
 * XLSX and XLS files, read in streaming mode so memory does not grow with the row count.
 */
package fpimport.source.xlsx;
