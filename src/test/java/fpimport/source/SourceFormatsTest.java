package fpimport.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one list of input formats, as messages and the watched directory read it. */
class SourceFormatsTest {

	@Test
	void namesTheFormatsAndTheirExtensionsInWords() {
		assertThat(SourceFormats.ALL).extracting(SourceFormat::name).containsExactly("CSV", "XLSX", "XLS");
		assertThat(SourceFormats.extensions()).containsExactly("csv", "xlsx", "xls");
		assertThat(SourceFormats.namesInWords()).isEqualTo("CSV, XLSX or XLS");
		assertThat(SourceFormats.extensionsInWords()).isEqualTo(".csv, .xlsx or .xls");
	}

	@Test
	void findsTheFormatAFileIsNamedFor() {
		assertThat(SourceFormats.byFileName("Export.XLSX")).map(SourceFormat::name).contains("XLSX");
		assertThat(SourceFormats.byFileName("old.report.xls")).map(SourceFormat::name).contains("XLS");
		assertThat(SourceFormats.byFileName("data.csv")).map(SourceFormat::name).contains("CSV");
		assertThat(SourceFormats.byFileName("notes.txt")).isEmpty();
		assertThat(SourceFormats.byFileName("README")).isEmpty();
	}

	@Test
	void theHintOfAFileThatIsNoSpreadsheetNamesEveryFormat() {
		assertThat(Sources.notSpreadsheet("a.pdf", "it is a PDF document").hint())
			.isEqualTo("give a .csv, .xlsx or .xls file; from Excel or WPS use File > Save As");
	}

}
