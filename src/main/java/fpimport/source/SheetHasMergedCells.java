package fpimport.source;

/**
 * Ends a read of a sheet whose merged ranges were not looked for first
 * ({@link SourceSettings#mergesUnscanned}) and that has some: the rows read so far kept
 * the values their ranges hide, and the sheet is to be read again with its ranges known.
 * Thrown where the last row would have ended the read.
 */
public final class SheetHasMergedCells extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SheetHasMergedCells(String where) {
		super(where + " has merged cells: its rows are read again with them");
	}

}
