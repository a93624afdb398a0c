/**
 * Report files and summaries of a run, built from the stored results only.
 */
package fpimport.report;
