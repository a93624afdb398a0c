package fpimport.mapping;

/**
 * A relation field's {@code refers_to:}: its cells name rows, matched against a column of
 * the rows of this file or of earlier runs, instead of giving work item ids.
 *
 * @param by the column of the named rows holding the value, or {@code null} for their row
 * key
 * @param type the named items' type (key or name), or {@code null} for the field's
 * relation target, else the mapping's type
 * @param keyField the field of that type holding the value, to search the space, or
 * {@code null}
 * @param later whether the field is set after every row exists rather than on create
 */
public record RefersTo(String by, String type, String keyField, boolean later) {

}
