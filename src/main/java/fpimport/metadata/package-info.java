/**
 * What a space accepts: work item types, fields, options, templates, roles and users.
 * <p>
 * CW-1 to CW-10, where comments name them, are the create rules of docs/design.md
 * (#create-rules).
 */
package fpimport.metadata;
