/**
 * Runs, rows and the ledger of imported items, stored over JDBC.
 */
package fpimport.result;
