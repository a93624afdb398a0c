/**
 * What a space accepts: work item types, fields, options, templates, roles and users.
 */
package fpimport.metadata;
