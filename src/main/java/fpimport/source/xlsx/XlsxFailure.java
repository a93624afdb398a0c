package fpimport.source.xlsx;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/** Turns what POI throws for a bad workbook into one clear message. */
final class XlsxFailure {

	private XlsxFailure() {
	}

	/**
	 * @param where the file, and sheet and row when known
	 * @param ex what POI, the zip or the XML parser threw
	 */
	static FpImportException of(String where, Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = next(cause)) {
			String message = cause.getMessage();
			// the XML parser puts the zip stream's message into its own
			if (message != null && message.contains("Zip bomb detected")) {
				return new FpImportException(Reason.INVALID_INPUT, where
						+ ": refused as a possible zip bomb: a part of the file expands far more than a spreadsheet does",
						"if the file is genuine, open it in Excel or WPS and save it again, or save it as CSV", ex);
			}
		}
		return new FpImportException(Reason.INVALID_INPUT, where + ": not a readable xlsx file: " + rootMessage(ex),
				"open it in Excel or WPS and save it again as .xlsx, or save it as CSV", ex);
	}

	private static Throwable next(Throwable ex) {
		if (ex instanceof javax.xml.stream.XMLStreamException xml && xml.getNestedException() != null
				&& xml.getNestedException() != ex) {
			return xml.getNestedException();
		}
		return (ex.getCause() != ex) ? ex.getCause() : null;
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		for (Throwable next = next(root); next != null; next = next(next)) {
			root = next;
		}
		String message = root.getMessage();
		if (message == null || message.isBlank()) {
			return root.getClass().getSimpleName();
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message.strip() : message.substring(0, newline).strip();
	}

}
