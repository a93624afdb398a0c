package fpimport.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

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
 * string cell, so text such as {@code =1+1} stays text and never becomes a formula. POI
 * keeps a streamed sheet's hyperlinks in memory until the end, and Excel reads at most
 * 65,530 per sheet: only the first {@value #MAX_LINKS} links are clickable, the link
 * column holds every address as text.
 */
final class XlsxSheet implements ReportSheet {

	/** The clickable links of a sheet at most; later rows keep the address as text. */
	static final int MAX_LINKS = 10_000;

	private final Path file;

	private final SXSSFWorkbook workbook = new FastWorkbook();

	private final SXSSFSheet sheet;

	private final CellStyle highlighted;

	private final int linkColumn;

	private int rowIndex;

	private int links;

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
				cell.setCellValue(text);
			}
			if (highlight) {
				cell.setCellStyle(this.highlighted);
			}
			if (i == this.linkColumn && link != null && this.links++ < MAX_LINKS) {
				Hyperlink hyperlink = this.workbook.getCreationHelper().createHyperlink(HyperlinkType.URL);
				hyperlink.setAddress(link);
				cell.setHyperlink(hyperlink);
			}
		}
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

	/**
	 * A streamed workbook zipped at the fastest deflate level: a report of a million rows
	 * is over a gigabyte of sheet XML, and the default level takes several times as long
	 * for a file a little smaller.
	 */
	private static final class FastWorkbook extends SXSSFWorkbook {

		FastWorkbook() {
			super(200);
		}

		@Override
		protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
			ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
			zip.setLevel(Deflater.BEST_SPEED);
			return zip;
		}

	}

}
