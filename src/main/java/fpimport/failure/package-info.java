/**
 * The one exception type of fpimport: a fault of the run (not of a row) with its reason,
 * a one-line message naming its place, and a hint; the command line turns its reason into
 * the exit code (docs/design.md#exit-codes). A row's failure is a value, never this.
 */
package fpimport.failure;
