/**
 * Values shared by every package: drafts of work items, field values, row references and
 * row problems.
 */
package fpimport.workitem;
