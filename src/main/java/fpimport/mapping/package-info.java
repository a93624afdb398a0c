/**
 * The YAML mapping: loads a {@code MappingSpec} and turns each source row into a row plan
 * (a draft or its problems).
 */
package fpimport.mapping;
