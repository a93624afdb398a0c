package fpimport.cli;

import java.util.ListResourceBundle;

import fpimport.source.SourceFormats;

/**
 * The input formats in words for the help texts, from {@link SourceFormats}: a
 * description says {@code ${bundle:formats}} for {@code CSV, XLSX or XLS} and
 * {@code ${bundle:format-extensions}} for {@code .csv, .xlsx or .xls}.
 */
final class FormatWords extends ListResourceBundle {

	@Override
	protected Object[][] getContents() {
		return new Object[][] { { "formats", SourceFormats.namesInWords() },
				{ "format-extensions", SourceFormats.extensionsInWords() } };
	}

}
