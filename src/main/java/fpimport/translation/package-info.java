/**
 * One translator per field type: the text of a cell to the field_value the Open API
 * expects.
 */
package fpimport.translation;
