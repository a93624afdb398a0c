/**
 * One translator per field type: the text of a cell to the field_value the Open API
 * expects.
 * <p>
 * CW-1 to CW-10, where comments name them, are the create rules of docs/design.md
 * (#create-rules).
 */
package fpimport.translation;
