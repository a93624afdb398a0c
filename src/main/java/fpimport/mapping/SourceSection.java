package fpimport.mapping;

/**
 * The mapping's reader settings ({@code source:}); {@code null} means the reader's
 * default.
 *
 * @param sheet the xlsx sheet name, or its 1-based index when the text is a whole number;
 * {@code null} for the first sheet
 * @param headerRow the 1-based header row, or {@code null} for 1
 * @param encoding the csv encoding ({@code auto}, {@code UTF-8}, {@code GBK} ...), or
 * {@code null}
 * @param delimiter the csv delimiter ({@code auto}, {@code ,} ...), or {@code null}
 */
public record SourceSection(String sheet, Integer headerRow, String encoding, String delimiter) {

	/** Every setting left to the reader. */
	public static final SourceSection DEFAULT = new SourceSection(null, null, null, null);

	public SourceSection {
		if (headerRow != null && headerRow < 1) {
			throw new IllegalArgumentException("headerRow must be 1 or more: " + headerRow);
		}
	}

}
