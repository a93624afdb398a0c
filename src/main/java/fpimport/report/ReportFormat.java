package fpimport.report;

/** The file format of a run's report. */
public enum ReportFormat {

	/** An Excel workbook; failed and invalid rows highlighted. */
	XLSX("xlsx"),
	/**
	 * UTF-8 CSV with a byte order mark, so that Excel opens it with the right encoding.
	 */
	CSV("csv");

	private final String extension;

	ReportFormat(String extension) {
		this.extension = extension;
	}

	public String extension() {
		return this.extension;
	}

}
