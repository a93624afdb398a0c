/**
 * The YAML mapping: loads a {@code MappingSpec} and turns each source row into a row plan
 * (a draft or its problems).
 * <p>
 * CW-1 to CW-10, where comments name them, are the create rules of docs/design.md
 * (#create-rules).
 */
package fpimport.mapping;
