/**
 * The command line: picocli commands turn options into a request, call a service and
 * return an exit code.
 */
package fpimport.cli;
