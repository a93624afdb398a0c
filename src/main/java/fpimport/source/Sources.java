package fpimport.source;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import fpimport.source.csv.CsvSource;
import fpimport.source.xlsx.XlsSource;
import fpimport.source.xlsx.XlsxSource;
import fpimport.workitem.FpImportException;
import fpimport.workitem.FpImportException.Reason;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens a spreadsheet file as a {@link RowSource}, choosing the reader by the file's
 * content (xlsx, xls, or else text read as CSV), whatever its name says.
 */
public final class Sources {

	private Sources() {
	}

	/**
	 * Opens a file and reads its header row; a file that cannot be read is an
	 * {@link FpImportException} with a one-line message and a hint.
	 */
	public static RowSource open(Path path, SourceSettings settings) {
		String file = path.toString();
		if (!Files.exists(path)) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": no such file", "check the path");
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": not a readable file",
					"give the path of a .csv, .xlsx or .xls file");
		}
		FileMagic magic = magic(path);
		return switch (magic) {
			case OOXML -> XlsxSource.open(path, settings);
			case OLE2 -> openOle2(path, settings);
			case UNKNOWN -> openText(path, settings);
			default -> throw notSpreadsheet(file, "it is " + describe(magic));
		};
	}

	private static RowSource openText(Path path, SourceSettings settings) {
		String file = path.toString();
		byte[] head;
		try (var in = Files.newInputStream(path)) {
			head = in.readNBytes(4096);
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": cannot read: " + ex.getMessage(),
					"check that the file is readable", ex);
		}
		if (head.length == 0) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": the file is empty",
					"export the data again; the file has no bytes");
		}
		if (isBinary(head)) {
			String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
			String kind = (name.endsWith(".xlsx") || name.endsWith(".xls"))
					? "it is named like a workbook but is " + "neither an xlsx (zip) nor an xls (OLE2) file"
					: "it holds binary data, not text";
			throw notSpreadsheet(file, kind);
		}
		return CsvSource.open(path, settings);
	}

	private static RowSource openOle2(Path path, SourceSettings settings) {
		String file = path.toString();
		POIFSFileSystem ole2;
		try {
			ole2 = new POIFSFileSystem(new File(file), true);
		}
		catch (IOException | RuntimeException ex) {
			throw new FpImportException(Reason.INVALID_INPUT,
					file + ": not a readable .xls file (truncated or damaged)",
					"open it in Excel or WPS and save it again as .xlsx", ex);
		}
		try (ole2) {
			DirectoryNode root = ole2.getRoot();
			if (root.hasEntryCaseInsensitive("EncryptionInfo")) {
				throw new FpImportException(Reason.INVALID_INPUT, file + ": the workbook is password-protected",
						"open it in Excel or WPS, remove the password (File > Info > Protect Workbook) and save it again");
			}
			if (root.hasEntryCaseInsensitive("Workbook")) {
				return XlsSource.open(path, root, settings);
			}
			if (root.hasEntryCaseInsensitive("Book")) {
				throw new FpImportException(Reason.INVALID_INPUT,
						file + ": an Excel 5.0/95 workbook, a format too old to read",
						"open it in Excel or WPS and save it as .xlsx");
			}
			throw notSpreadsheet(file, "it is an Office file without a workbook (a Word or PowerPoint file?)");
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": cannot read: " + ex.getMessage(),
					"check that the file is readable", ex);
		}
	}

	private static FileMagic magic(Path path) {
		try {
			return FileMagic.valueOf(path.toFile());
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, path + ": cannot read: " + ex.getMessage(),
					"check that the file is readable", ex);
		}
	}

	private static FpImportException notSpreadsheet(String file, String why) {
		return new FpImportException(Reason.INVALID_INPUT, file + ": not a spreadsheet: " + why,
				"give a .csv, .xlsx or .xls file; from Excel or WPS use File > Save As");
	}

	private static String describe(FileMagic magic) {
		return switch (magic) {
			case PDF -> "a PDF document";
			case HTML -> "an HTML page (some web exports name these .xls)";
			case XML -> "an XML file (an Excel 2003 XML export?)";
			case RTF, MSWRITE, WORD2 -> "a word-processor document";
			case JPEG, GIF, PNG, TIFF, WMF, EMF, BMP -> "an image";
			case BIFF2, BIFF3, BIFF4 -> "an Excel 2.x-4.x workbook, a format too old to read";
			default -> "of an unknown kind (" + magic + ")";
		};
	}

	/**
	 * Runs of NUL bytes, or control bytes making up a tenth of the start, do not occur in
	 * text, except in UTF-16, which starts with a byte order mark. A lone NUL in a text
	 * file is a problem of its row, which the CSV reader names by line and column.
	 */
	private static boolean isBinary(byte[] head) {
		if (head.length >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
				|| ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF))) {
			return false;
		}
		int controls = 0;
		for (int i = 0; i < head.length; i++) {
			int b = head[i] & 0xFF;
			if (b == 0 && i + 1 < head.length && head[i + 1] == 0) {
				return true;
			}
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
				controls++;
			}
		}
		return controls * 10 > head.length;
	}

}
