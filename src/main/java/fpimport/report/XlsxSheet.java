package fpimport.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report sheet written in streaming mode (a window of rows in memory). Every cell is a
 * string cell, so text such as {@code =1+1} stays text and never becomes a formula.
 */
final class XlsxSheet implements ReportSheet {

	private final Path file;

	private final SXSSFWorkbook workbook = newWorkbook();

	private final SXSSFSheet sheet;

	private final CellStyle highlighted;

	private final int linkColumn;

	private int rowIndex;

	private static SXSSFWorkbook newWorkbook() {
		PrivateTempFiles.use();
		return new SXSSFWorkbook(200);
	}

	XlsxSheet(Path file, String sheetName, int linkColumn) {
		this.file = file;
		this.sheet = this.workbook.createSheet(sheetName);
		this.linkColumn = linkColumn;
		this.highlighted = this.workbook.createCellStyle();
		this.highlighted.setFillForegroundColor(IndexedColors.ROSE.getIndex());
		this.highlighted.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

	@Override
	public void row(List<String> cells, boolean highlight, String link) {
		Row row = this.sheet.createRow(this.rowIndex++);
		for (int i = 0; i < cells.size(); i++) {
			SXSSFCell cell = (SXSSFCell) row.createCell(i);
			String text = cells.get(i);
			if (text != null && !text.isEmpty()) {
				cell.setCellValue(fit(text));
			}
			if (highlight) {
				cell.setCellStyle(this.highlighted);
			}
			if (i == this.linkColumn && link != null) {
				Hyperlink hyperlink = this.workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
				hyperlink.setAddress(link);
				cell.setHyperlink(hyperlink);
			}
		}
	}

	/** The most characters an XLSX cell holds. */
	static final int MAX_CELL_LENGTH = 32_767;

	/**
	 * The text, cut to what a cell holds with a note saying so: a longer cell (a CSV
	 * allows any length) would stop the report.
	 */
	static String fit(String text) {
		if (text.length() <= MAX_CELL_LENGTH) {
			return text;
		}
		String note = " [cut by fpimport: " + text.length() + " characters, an XLSX cell holds " + MAX_CELL_LENGTH
				+ "]";
		int keep = MAX_CELL_LENGTH - note.length();
		if (Character.isHighSurrogate(text.charAt(keep - 1))) {
			keep--;
		}
		return text.substring(0, keep) + note;
	}

	@Override
	public void close() throws IOException {
		try (OutputStream out = Files.newOutputStream(this.file)) {
			this.workbook.write(out);
		}
		finally {
			this.workbook.close();
		}
	}

}
