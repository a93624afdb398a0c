/**
 * Spring Batch wiring only: the import job, its steps, and reader, processor and writer
 * adapters.
 */
package fpimport.job;
