/**
 * Values shared by every package: drafts of work items, field values, row references and
 * row problems.
 * <p>
 * CW-1 to CW-10, where comments name them, are the create rules of docs/design.md
 * (#create-rules).
 */
package fpimport.workitem;
