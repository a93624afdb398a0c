/**
 * CSV files: encoding and delimiter detection, quoting, line numbers.
 */
package fpimport.source.csv;
